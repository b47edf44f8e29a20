using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Kernel.Errors;

namespace Tongban.Identity.Features.SignIn;

/// <summary>Six-digit codes by SMS for signing in and for resetting a password.</summary>
internal sealed class OneTimeCodes(AccountsDbContext db, AccountSignIn signIn, ISmsSender sms, TimeProvider clock)
{
    private static readonly TimeSpan Resend = TimeSpan.FromSeconds(30);

    /// <summary>Sends a code when the number belongs to an account; says nothing either way, so numbers cannot be probed.</summary>
    public async Task SendAsync(string? phone, CodePurpose purpose, CancellationToken ct)
    {
        var number = PhoneNumbers.Normalize(phone)
            ?? throw new DomainException(new DomainError("account.phone", "请填写11位手机号码", "Give an 11-digit mobile phone number", Field: "phone"));
        var account = await signIn.FindAsync(number, ct);
        if (account is null) return;
        var now = clock.GetUtcNow();
        var earlier = await db.OneTimeCodes.Where(c => c.AccountId == account.Id && c.Purpose == purpose && c.UsedAt == null).ToListAsync(ct);
        if (earlier.Any(c => c.ExpiresAt - OneTimeCode.Lifetime > now - Resend))
            throw new DomainException(new DomainError("code.too_soon", "验证码已发送，请30秒后再试", "A code was just sent; try again in 30 seconds", Field: "phone"));
        db.OneTimeCodes.RemoveRange(earlier);
        var (code, plain) = OneTimeCode.Issue(account.Id, purpose, now);
        db.OneTimeCodes.Add(code);
        await db.SaveChangesAsync(ct);
        var what = purpose == CodePurpose.SignIn ? "登录" : "重置密码";
        await sms.SendAsync(number, $"【通办】您的{what}验证码是 {plain}，5分钟内有效。请勿告诉他人。", ct);
    }

    /// <summary>The account the code was sent to, when the code is right, unused and not expired; a wrong code counts as a failure.</summary>
    public async Task<Account> CheckAsync(string? phone, string? plain, CodePurpose purpose, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var account = await signIn.FindAsync(PhoneNumbers.Normalize(phone), ct);
        if (account is null)
        {
            await signIn.RecordUnknownAsync(phone, now, ct);
            throw SignInErrors.WrongCode();
        }
        var codes = await db.OneTimeCodes.Where(c => c.AccountId == account.Id && c.Purpose == purpose).ToListAsync(ct);
        if (!account.IsLocked(now) && codes.Any(c => c.TryUse(plain, now)))
        {
            await db.SaveChangesAsync(ct);
            return account;
        }
        await db.SaveChangesAsync(ct);
        await signIn.RecordFailureAsync(account, now, ct);
        throw SignInErrors.WrongCode();
    }
}
