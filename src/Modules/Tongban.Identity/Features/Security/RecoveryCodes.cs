using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Passwords;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;

namespace Tongban.Identity.Features.Security;

/// <summary>
/// A staff member's recovery codes (<see cref="RecoveryCode"/>): a new set of ten replaces the old one (at enrolment, or on
/// request after re-authenticating) and is shown once; a code is used once, in place of an authenticator code. Using one
/// checks the typed code against each unused code's hash, then marks the match used by a conditional update, so two
/// requests cannot both use it. Both are audited.
/// </summary>
internal sealed class RecoveryCodes(AccountsDbContext db, IPasswordHasher<Account> hasher, IOptions<IdentityModuleOptions> options, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>Replaces the account's codes with a new set; returns the codes to show (they are not kept).</summary>
    public async Task<string[]> ReplaceAsync(Account account, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.RecoveryCodes.RemoveRange(await db.RecoveryCodes.Where(c => c.AccountId == account.Id).ToListAsync(ct));
        var (rows, shown) = RecoveryCode.NewSet(account.Id, code => Argon2idPasswordHasher.Hash(code, options.Value.PasswordCost), now);
        db.RecoveryCodes.AddRange(rows);
        db.Audit(new AuditRecord($"account:{account.Id}", "identity.recovery_codes_generated", $"account:{account.MaskedIdNumber}",
            $"{rows.Length} codes, from {ClientAddress.Of(http.HttpContext)}", now));
        await db.SaveChangesAsync(ct);
        return shown;
    }

    /// <summary>Uses the typed code if it is one of the account's unused ones; false otherwise (the caller counts the failure).</summary>
    public async Task<bool> UseAsync(Account account, string? typed, CancellationToken ct)
    {
        if (RecoveryCode.Normalize(typed) is not { } code) return false;
        var unused = await db.RecoveryCodes.AsNoTracking().Where(c => c.AccountId == account.Id && c.UsedAt == null).ToListAsync(ct);
        var match = unused.FirstOrDefault(c => hasher.VerifyHashedPassword(account, c.Hash, code) != PasswordVerificationResult.Failed);
        var now = clock.GetUtcNow();
        if (match is null || await db.RecoveryCodes.Where(c => c.Id == match.Id && c.UsedAt == null).ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), ct) != 1)
            return false;
        db.Audit(new AuditRecord($"account:{account.Id}", "identity.recovery_code_used", $"account:{account.MaskedIdNumber}",
            $"{unused.Count - 1} left, from {ClientAddress.Of(http.HttpContext)}", now));
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<int> RemainingAsync(Guid account, CancellationToken ct) => db.RecoveryCodes.CountAsync(c => c.AccountId == account && c.UsedAt == null, ct);
}
