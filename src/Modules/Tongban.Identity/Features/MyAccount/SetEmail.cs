using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;

namespace Tongban.Identity.Features.MyAccount;

/// <summary>
/// The account holder sets or clears the e-mail address notifications also go to; audited without the address. A new
/// address is unconfirmed until its link is opened (<see cref="ConfirmEmail"/>).
/// </summary>
internal sealed class SetEmail(AccountsDbContext db, TimeProvider clock)
{
    /// <returns>Whether the address changed (the same address saved again changes nothing).</returns>
    public async Task<bool> SetAsync(Guid accountId, string? email, CancellationToken ct)
    {
        var account = await db.Users.SingleOrDefaultAsync(a => a.Id == accountId, ct) ?? throw new DomainException(DomainError.NotFound("账户", "The account"));
        if (!account.SetEmail(email)) return false;
        db.Audit(new AuditRecord($"user:{accountId}", account.Email is null ? "identity.email_cleared" : "identity.email_set", $"user:{accountId}", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return true;
    }
}
