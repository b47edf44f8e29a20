using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Features.Notices;
using Tongban.Identity.Features.Sessions;
using Tongban.Identity.Passwords;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;

namespace Tongban.Identity.Features.Security;

/// <summary>
/// The account holder changes their password with the current one (ASVS 6.2.3): audited, told by SMS (ASVS 6.3.7), and
/// every other session ends (ASVS 7.4.3), so whoever had the old password is signed out.
/// </summary>
internal sealed class ChangePassword(AccountsDbContext db, UserManager<Account> users, SessionStore sessions, TimeProvider clock, IHttpContextAccessor http)
{
    public async Task ChangeAsync(Account account, string? current, string? next, Guid? keepSession, CancellationToken ct)
    {
        if (!await users.CheckPasswordAsync(account, current ?? ""))
            throw new DomainException(new DomainError("password.current_wrong", "当前密码不正确", "The current password is wrong", Field: "current_password"));
        await users.SetCheckedPasswordAsync(account, next, "new_password");
        await users.UpdateSecurityStampAsync(account);
        var now = clock.GetUtcNow();
        db.Audit(new AuditRecord($"account:{account.Id}", "identity.password_changed", $"account:{account.MaskedIdNumber}", $"from {ClientAddress.Of(http.HttpContext)}", now));
        AccountNotices.Publish(db, account.Id, AccountNoticeKinds.PasswordChanged,
            "您的账号密码已修改，其他设备上的登录已退出。如非本人操作，请立即通过“忘记密码”重置。",
            "Your password was changed and your other devices were signed out. If it was not you, reset it now with \"Forgot the password\".", now);
        await sessions.EndAllAsync(db, account.Id, keepSession, ct);
    }
}
