using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.Reauthenticate;

namespace Tongban.Identity.Features.ChangePhone;

/// <summary>Change the mobile number (<see cref="ChangePhone"/>), after confirming who you are if the last authentication is older than a few minutes.</summary>
[Authorize]
internal sealed class ChangePhoneModel(UserManager<Account> users, ChangePhone change, RecentAuthentication recent) : PageModel
{
    private static readonly string ConfirmUrl = RecentAuthentication.ConfirmUrl("/account/phone");

    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Code { get; set; }

    public string CurrentPhone { get; private set; } = "";
    public bool Recent { get; private set; }
    public bool CodeSent { get; private set; }
    public bool Changed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostSendCodeAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } account) return Forbid();
        if (!Recent) return Redirect(ConfirmUrl);
        await change.SendCodeAsync(account, Phone, ct);
        CodeSent = true;
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } account) return Forbid();
        if (!Recent) return Redirect(ConfirmUrl);
        CodeSent = true;
        await change.ChangeAsync(account, Phone, Code, ct);
        (Changed, CodeSent, CurrentPhone) = (true, false, PhoneNumbers.Mask(account.PhoneNumber));
        return Page();
    }

    private async Task<Account?> LoadAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id || await users.FindByIdAsync(id.ToString()) is not { } account) return null;
        (CurrentPhone, Recent) = (PhoneNumbers.Mask(account.PhoneNumber), await recent.IsRecentAsync(User, ct));
        return account;
    }
}
