using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.Federation;
using Tongban.Identity.Features.Security;
using Tongban.Kernel.Errors;

namespace Tongban.Identity.Features.SignIn;

/// <summary>
/// Sign-in with a password or an SMS code; staff then give their authenticator code (the first factor is carried
/// to that step in a data-protected ticket good for five minutes), or enrol an authenticator first.
/// </summary>
internal sealed class SignInModel(AccountSignIn signIn, OneTimeCodes codes, SecondFactor secondFactor, IDataProtectionProvider protection,
    UpstreamStore federation) : PageModel
{
    private static readonly TimeSpan TicketLifetime = TimeSpan.FromMinutes(5);

    [BindProperty] public string? Login { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Ticket { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    /// <summary>Why a sign-in through the upstream provider was refused (a code of <see cref="FederationErrors"/>).</summary>
    [BindProperty(SupportsGet = true)] public string? Federation { get; set; }

    public DomainError? FederationRefusal => FederationErrors.ByCode(Federation);

    /// <summary>Whether to offer "sign in with the provincial platform".</summary>
    public bool UpstreamOffered => federation.Current is { Enabled: true, IsConfigured: true };

    public string UpstreamStart => QueryHelpers.AddQueryString(FederationSetup.StartPath, "returnUrl", Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account");

    /// <summary>Registration, coming back to the same page afterwards.</summary>
    public string RegisterPath => ReturnPaths.With("/account/register", ReturnUrl, Url);

    /// <summary>password (and SMS request), sms-code, or totp.</summary>
    public string Step { get; private set; } = "password";

    public bool CodeSent { get; private set; }

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Tongban.Identity.SignIn.SecondFactor").ToTimeLimitedDataProtector();

    public async Task<IActionResult> OnPostPasswordAsync(CancellationToken ct) =>
        await AfterFirstFactorAsync(await signIn.CheckPasswordAsync(Login, Password, ct), ct);

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct)
    {
        await codes.SendAsync(Phone, CodePurpose.SignIn, ct);
        Step = "sms-code";
        CodeSent = true;
        return Page();
    }

    public async Task<IActionResult> OnPostCodeAsync(CancellationToken ct)
    {
        Step = "sms-code";
        return await AfterFirstFactorAsync(await codes.CheckAsync(Phone, Code, CodePurpose.SignIn, ct), ct);
    }

    public async Task<IActionResult> OnPostTotpAsync(CancellationToken ct)
    {
        Step = "totp";
        var account = (Guid.TryParse(Unprotect(Ticket), out var id) ? await signIn.FindByIdAsync(id, ct) : null)
            ?? throw new DomainException(new DomainError("sign_in.expired", "登录已超时，请重新输入密码", "The sign-in timed out; enter your password again", Field: "code"));
        if (!await secondFactor.CheckAsync(account, Code, ct))
            throw new DomainException(new DomainError("totp.wrong", "动态口令不正确，请查看身份验证器中的6位数字（或输入一个未用过的恢复码）",
                "The authenticator code is wrong; give the 6 digits your authenticator app shows (or a recovery code not used before)", Field: "code"));
        await signIn.SignInAsync(account, HttpContext, ct);
        return LocalRedirect(Destination(account));
    }

    private async Task<IActionResult> AfterFirstFactorAsync(Account account, CancellationToken ct)
    {
        switch (await signIn.AfterFirstFactorAsync(account, HttpContext, ct))
        {
            case FirstFactorOutcome.SignedIn:
                return LocalRedirect(Destination(account));
            case FirstFactorOutcome.MustEnrolAuthenticator:
                return LocalRedirect("/account/security");
            default:
                Step = "totp";
                Ticket = Protector.Protect(account.Id.ToString(), TicketLifetime);
                Code = null;
                ModelState.Clear();
                return Page();
        }
    }

    private string? Unprotect(string? ticket)
    {
        try
        {
            return ticket is null ? null : Protector.Unprotect(ticket);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private string Destination(Account account) =>
        Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : account.Kind == AccountKind.Staff ? "/admin" : "/account";
}
