using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.Accounts;
using Tongban.Identity.Features.SignIn;
using Tongban.Kernel.Errors;

namespace Tongban.Identity.Features.Security;

/// <summary>Change the password; enrol an authenticator app (TOTP), which staff must do before anything else.</summary>
[Authorize]
internal sealed class SecurityModel(UserManager<Account> users, RegisterAccounts accounts, AccountSignIn signIn) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? Code { get; set; }

    public bool MustEnrol => User.HasClaim(AccountClaims.EnrolTotp, "true");
    public bool MustChangePassword => User.HasClaim(AccountClaims.ChangePassword, "true");
    public bool TotpEnabled { get; private set; }
    public string? SharedKey { get; private set; }
    public string? QrCodeDataUri { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is { } account ? Page() : Forbid();

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } account) return Forbid();
        if (!await users.CheckPasswordAsync(account, CurrentPassword ?? ""))
            throw new DomainException(new DomainError("password.current_wrong", "当前密码不正确", "The current password is wrong", Field: "current_password"));
        await accounts.SetPasswordAsync(account, NewPassword, "new_password");
        await users.UpdateSecurityStampAsync(account);
        if (MustChangePassword)
        {
            // The limited cookie gives way to the next step: enrolment for staff without an authenticator, else a full one.
            await PasswordChangeRequired.ClearAsync(users, account);
            await signIn.SignInAsync(account, HttpContext, ct, enrolmentOnly: MustEnrol);
            return Redirect(MustEnrol ? "/account/security" : "/admin");
        }
        Message = Text("密码已修改。", "Your password is changed.");
        return Page();
    }

    public async Task<IActionResult> OnPostEnrolAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } account) return Forbid();
        if (!await signIn.CheckAuthenticatorCodeAsync(account, Code, ct))
            throw new DomainException(new DomainError("totp.wrong", "动态口令不正确，请输入身份验证器当前显示的6位数字", "The code is wrong; give the 6 digits your authenticator app shows now", Field: "code"));
        await users.SetTwoFactorEnabledAsync(account, true);
        if (MustEnrol)
        {
            // The enrolment-only cookie becomes a full one, with the staff member's roles.
            await signIn.SignInAsync(account, HttpContext, ct);
            return Redirect("/admin");
        }
        TotpEnabled = true;
        Message = Text("已启用动态口令。", "Authenticator codes are on.");
        return Page();
    }

    private async Task<Account?> LoadAsync()
    {
        if (User.AccountId() is not { } id || await users.FindByIdAsync(id.ToString()) is not { } account) return null;
        TotpEnabled = await users.GetTwoFactorEnabledAsync(account);
        if (!TotpEnabled)
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
        return account;
    }

    private static string Text(string zh, string en) => Kernel.Localization.Text.T(zh, en);
}
