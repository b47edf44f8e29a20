using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.Security;
using Tongban.Identity.Features.SignIn;
using Tongban.Kernel.Errors;

namespace Tongban.Identity.Features.Reauthenticate;

/// <summary>
/// "Confirm it is you" (<see cref="RecentAuthentication"/>): a citizen gives the password again, a staff member the
/// authenticator code (or a recovery code). A wrong one counts towards the lock, as at sign-in.
/// </summary>
[Authorize]
internal sealed class ReauthenticateModel(UserManager<Account> users, AccountSignIn signIn, SecondFactor secondFactor, RecentAuthentication recent) : PageModel
{
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Staff { get; private set; }
    public bool HasPassword { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } account) return Forbid();
        if (Staff)
        {
            if (!await secondFactor.CheckAsync(account, Code, ct))
                throw new DomainException(new DomainError("totp.wrong", "动态口令或恢复码不正确", "The authenticator code or recovery code is wrong", Field: "code"));
        }
        else await signIn.CheckPasswordAsync(account.IdNumber, Password, ct);
        await recent.ConfirmedAsync(User, account, ct);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account/security");
    }

    private async Task<Account?> LoadAsync()
    {
        if (User.AccountId() is not { } id || await users.FindByIdAsync(id.ToString()) is not { } account) return null;
        (Staff, HasPassword) = (account.Kind == AccountKind.Staff, account.PasswordHash is not null);
        return account;
    }
}
