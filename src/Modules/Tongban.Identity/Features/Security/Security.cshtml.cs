using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Tongban.Identity.Data;
using Tongban.Identity.Features.Accounts;
using Tongban.Identity.Features.Reauthenticate;
using Tongban.Identity.Features.SignIn;
using Tongban.Kernel.Errors;

namespace Tongban.Identity.Features.Security;

/// <summary>
/// Change the password; enrol an authenticator app (TOTP), which staff must do before anything else, and get ten
/// recovery codes, shown once; make a new set later. Changing the password or the codes needs a recent authentication
/// (<see cref="RecentAuthentication"/>); the password change also asks for the current one (ASVS 6.2.3).
/// </summary>
[Authorize]
internal sealed class SecurityModel(UserManager<Account> users, AccountSignIn signIn, ChangePassword password, RecoveryCodes recovery, RecentAuthentication recent)
    : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? Code { get; set; }

    public bool MustEnrol { get; private set; }
    /// <summary>Signed in with a one-time password (the first administrator): a new password comes before anything else.</summary>
    public bool MustChangePassword => User.HasClaim(AccountClaims.ChangePassword, "true");
    public bool TotpEnabled { get; private set; }
    public string? SharedKey { get; private set; }
    public string? QrCodeDataUri { get; private set; }
    public string? Message { get; private set; }
    public bool Recent { get; private set; }
    public bool IsStaff { get; private set; }
    public int RecoveryCodesLeft { get; private set; }

    /// <summary>A new set of recovery codes, on the one page that shows them.</summary>
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public static string ConfirmUrl => RecentAuthentication.ConfirmUrl("/account/security");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is { } ? Page() : Forbid();

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } account) return Forbid();
        if (!Recent) return Redirect(ConfirmUrl);
        await password.ChangeAsync(account, CurrentPassword, NewPassword, User.SessionId(), ct);
        if (MustChangePassword)
        {
            // The limited cookie gives way to the next step: enrolment for staff without an authenticator, else a full one.
            await PasswordChangeRequired.ClearAsync(users, account);
            await signIn.SignInAsync(account, HttpContext, ct, enrolmentOnly: MustEnrol);
            return Redirect(MustEnrol ? "/account/security" : "/admin");
        }
        Message = Text("密码已修改，其他设备上的登录已退出。", "Your password is changed; you are signed out on your other devices.");
        return Page();
    }

    public async Task<IActionResult> OnPostEnrolAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } account) return Forbid();
        if (!await signIn.CheckAuthenticatorCodeAsync(account, Code, ct))
            throw new DomainException(new DomainError("totp.wrong", "动态口令不正确，请输入身份验证器当前显示的6位数字", "The code is wrong; give the 6 digits your authenticator app shows now", Field: "code"));
        await users.SetTwoFactorEnabledAsync(account, true);
        // The enrolment-only cookie becomes a full one, with the staff member's roles.
        if (MustEnrol) await signIn.SignInAsync(account, HttpContext, ct);
        MustEnrol = false;
        NewRecoveryCodes = await recovery.ReplaceAsync(account, ct);
        (TotpEnabled, SharedKey, QrCodeDataUri, RecoveryCodesLeft) = (true, null, null, NewRecoveryCodes.Count);
        Message = Text("已启用动态口令。请保存下面的恢复码。", "Authenticator codes are on. Keep the recovery codes below.");
        return Page();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } account || !TotpEnabled) return Forbid();
        if (!Recent) return Redirect(ConfirmUrl);
        NewRecoveryCodes = await recovery.ReplaceAsync(account, ct);
        RecoveryCodesLeft = NewRecoveryCodes.Count;
        return Page();
    }

    private async Task<Account?> LoadAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id || await users.FindByIdAsync(id.ToString()) is not { } account) return null;
        TotpEnabled = await users.GetTwoFactorEnabledAsync(account);
        MustEnrol = User.HasClaim(AccountClaims.EnrolTotp, "true");
        IsStaff = account.Kind == Domain.AccountKind.Staff;
        Recent = await recent.IsRecentAsync(User, ct);
        if (TotpEnabled) RecoveryCodesLeft = await recovery.RemainingAsync(account.Id, ct);
        else await ShowEnrolmentAsync(account);
        return account;
    }

    private async Task ShowEnrolmentAsync(Account account)
    {
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
        }
        SharedKey = key;
        var uri = $"otpauth://totp/{Uri.EscapeDataString("通办:" + account.Name)}?secret={key}&issuer={Uri.EscapeDataString("通办")}&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }

    private static string Text(string zh, string en) => Kernel.Localization.Text.T(zh, en);
}
