using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.SignIn;

namespace Tongban.Identity.Features.Security;

/// <summary>A staff member's second factor: the authenticator's code, or one of their recovery codes. A wrong one counts towards the lock.</summary>
internal sealed class SecondFactor(AccountSignIn signIn, RecoveryCodes recovery, TimeProvider clock)
{
    public async Task<bool> CheckAsync(Account account, string? code, CancellationToken ct)
    {
        if (RecoveryCode.Normalize(code) is null) return await signIn.CheckAuthenticatorCodeAsync(account, code, ct);
        var now = clock.GetUtcNow();
        if (!account.IsLocked(now) && await recovery.UseAsync(account, code, ct)) return true;
        await signIn.RecordFailureAsync(account, now, ct);
        return false;
    }
}
