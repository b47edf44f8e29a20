using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;

namespace Tongban.Identity.Features.MyAccount;

/// <summary>
/// Confirming the e-mail address notifications go to: a link with a single-use token (<see cref="EmailConfirmationTokens"/>)
/// is mailed to it; the holder, signed in, opens it and confirms. Audited <c>identity.email_confirmed</c> without the address.
/// </summary>
internal sealed class ConfirmEmail(AccountsDbContext db, UserManager<Account> users, IEmailConfirmationSender sender, TimeProvider clock, ILogger<ConfirmEmail> logger)
{
    public const string Path = "/account/email/confirm";

    /// <summary>Mails a new link (the previous one stops working): true when sent, false when the mail could not go, null when there is no unconfirmed address.</summary>
    public async Task<bool?> SendLinkAsync(Guid accountId, Uri site, CancellationToken ct)
    {
        var account = await FindAsync(accountId, ct);
        if (account.Email is null || account.EmailConfirmed) return null;
        var token = await users.GenerateEmailConfirmationTokenAsync(account);
        try
        {
            await sender.SendAsync(account.Email, new Uri(site, $"{Path}?token={token}"), ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception's text may carry the address: only its type is logged.
            logger.LogWarning("The e-mail confirmation link could not be sent: {Error}", ex.GetType().Name);
            return false;
        }
    }

    public async Task ConfirmAsync(Guid accountId, string? token, CancellationToken ct)
    {
        var account = await FindAsync(accountId, ct);
        if (account.Email is null || string.IsNullOrEmpty(token)
            || !await users.VerifyUserTokenAsync(account, EmailConfirmationTokens.Name, EmailConfirmationTokens.Purpose, token))
            throw new DomainException(new DomainError("account.email_link_invalid", "确认链接无效、已使用或已过期，请在“我的账号”重新发送",
                "The confirmation link is invalid, used or expired; send a new one from My account", Field: "token"));
        account.ConfirmEmail();
        db.UserTokens.RemoveRange(await db.UserTokens.Where(t => t.UserId == accountId && t.LoginProvider == EmailConfirmationTokens.Store).ToListAsync(ct));
        db.Audit(new AuditRecord($"user:{accountId}", "identity.email_confirmed", $"user:{accountId}", null, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    private async Task<Account> FindAsync(Guid accountId, CancellationToken ct) =>
        await db.Users.SingleOrDefaultAsync(a => a.Id == accountId, ct) ?? throw new DomainException(DomainError.NotFound("账户", "The account"));
}
