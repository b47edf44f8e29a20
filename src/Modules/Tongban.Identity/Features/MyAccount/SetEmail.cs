using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;

namespace Tongban.Identity.Features.MyAccount;

/// <summary>The account holder sets or clears the e-mail address notifications also go to; audited without the address.</summary>
internal sealed class SetEmail(AccountsDbContext db, TimeProvider clock)
{
    public async Task SetAsync(Guid accountId, string? email, CancellationToken ct)
    {
        var account = await db.Users.SingleOrDefaultAsync(a => a.Id == accountId, ct) ?? throw new DomainException(DomainError.NotFound("账户", "The account"));
        account.SetEmail(email);
        db.Audit(new AuditRecord($"user:{accountId}", account.Email is null ? "identity.email_cleared" : "identity.email_set", $"user:{accountId}", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}
