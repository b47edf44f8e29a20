using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Identity.Contracts;
using Tongban.Identity.Features.Reauthenticate;
using Tongban.Identity.Features.Verification;

namespace Tongban.Identity.Features.MyAccount;

/// <summary>
/// The signed-in person's account: name, masked ID number, real-name level, L2 step-up (/account/verify), and the e-mail
/// address for notifications with its confirmation link (changed only after a recent authentication).
/// </summary>
[Authorize]
internal sealed class MyAccountModel(IAccountDirectory accounts, VerifyRealName verify, SetEmail setEmail, ConfirmEmail confirmEmail, RecentAuthentication recent) : PageModel
{
    public AccountInfo? Account { get; private set; }

    public bool Verified { get; private set; }

    /// <summary>The page that sent the person here to raise their level (an application form): back to it once verified.</summary>
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public string VerifyAction => Features.SignIn.ReturnPaths.With("/account/verify?handler=Verify", ReturnUrl, Url);

    /// <summary>The e-mail address notifications also go to, as saved (or as typed when refused).</summary>
    [BindProperty] public string? Email { get; set; }

    public bool EmailConfirmed { get; private set; }

    public bool EmailSaved { get; private set; }

    /// <summary>After a send: whether the confirmation link went out (null when none was sent).</summary>
    public bool? LinkSent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => User.AccountId() is { } id && await LoadAsync(id, ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        // A new address is where notices go: like a password, it is changed only by someone who proved who they are lately.
        if (!await recent.IsRecentAsync(User, ct)) return Redirect(RecentAuthentication.ConfirmUrl("/account"));
        var typed = Email;
        if (!await LoadAsync(id, ct)) return Forbid();
        Email = typed; // shown again as typed if refused; the status beside it stays the saved address's
        if (await setEmail.SetAsync(id, Email, ct) && !string.IsNullOrWhiteSpace(Email))
            LinkSent = await confirmEmail.SendLinkAsync(id, Site, ct);
        EmailSaved = true;
        return await LoadAsync(id, ct) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostSendLinkAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        LinkSent = await confirmEmail.SendLinkAsync(id, Site, ct);
        return await LoadAsync(id, ct) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        Account = await accounts.FindAsync(id, ct);
        await verify.AgainstRegistryAsync(id, ct);
        if (Url.IsLocalUrl(ReturnUrl)) return LocalRedirect(ReturnUrl!);
        Verified = true;
        return await LoadAsync(id, ct) ? Page() : Forbid();
    }

    private Uri Site => new($"{Request.Scheme}://{Request.Host}{Request.PathBase}/");

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        Account = await accounts.FindAsync(id, ct);
        var contact = await accounts.ContactAsync(id, ct);
        (Email, EmailConfirmed) = (contact?.Email, contact?.EmailConfirmed ?? false);
        return Account is not null;
    }
}
