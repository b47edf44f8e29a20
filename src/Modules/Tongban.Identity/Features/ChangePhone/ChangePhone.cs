using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.SignIn;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Features.ChangePhone;

/// <summary>
/// The account holder moves their account to a new mobile number: a code sent to the new number (bound to it: useless for
/// any other) proves they hold it; then it replaces the old one for SMS sign-in, resets and notices. A wrong code counts
/// towards the lock. Audited with the new number masked. The page asks for a recent authentication first.
/// </summary>
internal sealed class ChangePhone(AccountsDbContext db, ISmsSender sms, AccountSignIn signIn, TimeProvider clock, IHttpContextAccessor http)
{
    private static readonly TimeSpan Resend = TimeSpan.FromSeconds(30);

    public async Task SendCodeAsync(Account account, string? newPhone, CancellationToken ct)
    {
        var phone = await AvailableAsync(account, newPhone, ct);
        var now = clock.GetUtcNow();
        var earlier = await db.OneTimeCodes.Where(c => c.AccountId == account.Id && c.Purpose == CodePurpose.ChangePhone && c.UsedAt == null).ToListAsync(ct);
        if (earlier.Any(c => c.ExpiresAt - OneTimeCode.Lifetime > now - Resend))
            throw new DomainException(new DomainError("code.too_soon", "验证码已发送，请30秒后再试", "A code was just sent; try again in 30 seconds", Field: "phone"));
        db.OneTimeCodes.RemoveRange(earlier);
        var (code, plain) = OneTimeCode.Issue(account.Id, CodePurpose.ChangePhone, now, boundTo: phone);
        db.OneTimeCodes.Add(code);
        await db.SaveChangesAsync(ct);
        await sms.SendAsync(phone, $"【通办】您正在把通办账号改用此手机号码，验证码是 {plain}，5分钟内有效。请勿告诉他人。", ct);
    }

    public async Task ChangeAsync(Account account, string? newPhone, string? plain, CancellationToken ct)
    {
        var phone = await AvailableAsync(account, newPhone, ct);
        var now = clock.GetUtcNow();
        var codes = await db.OneTimeCodes.Where(c => c.AccountId == account.Id && c.Purpose == CodePurpose.ChangePhone).ToListAsync(ct);
        if (account.IsLocked(now) || !codes.Any(c => c.TryUse(plain, now, boundTo: phone)))
        {
            await db.SaveChangesAsync(ct);
            await signIn.RecordFailureAsync(account, now, ct);
            throw SignInErrors.WrongCode();
        }
        account.ChangePhone(phone);
        db.Audit(new AuditRecord($"account:{account.Id}", "identity.phone_changed", $"account:{account.MaskedIdNumber}",
            $"to {PhoneNumbers.Mask(phone)}, from {ClientAddress.Of(http.HttpContext)}", now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The new number, normalised, when it is one, not the current one and no other account's.</summary>
    private async Task<string> AvailableAsync(Account account, string? newPhone, CancellationToken ct)
    {
        var phone = PhoneNumbers.Normalize(newPhone)
            ?? throw new DomainException(new DomainError("account.phone", "请填写11位手机号码", "Give an 11-digit mobile phone number", Field: "phone"));
        if (phone == account.PhoneNumber)
            throw new DomainException(new DomainError("account.phone_same", "这已是您账号的手机号码", "This is your account's number already", Field: "phone"));
        if (await db.Users.WhereMatches(a => a.PhoneNumber, phone).AnyAsync(a => a.Id != account.Id, ct))
            throw new DomainException(new DomainError("account.duplicate_phone", "该手机号码已被其他账号使用", "This phone number belongs to another account", ErrorKind.Conflict, "phone"));
        return phone;
    }
}
