using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Identity.Contracts;
using Tongban.Identity.Features.Verification;

namespace Tongban.Identity.Features.MyAccount;

/// <summary>The signed-in person's account: name, masked ID number, real-name level, and L2 step-up (/account/verify).</summary>
[Authorize]
internal sealed class MyAccountModel(IAccountDirectory accounts, VerifyRealName verify, SetEmail setEmail) : PageModel
{
    public AccountInfo? Account { get; private set; }

    public bool Verified { get; private set; }

    /// <summary>The e-mail address notifications also go to, as saved (or as typed when refused).</summary>
    [BindProperty] public string? Email { get; set; }

    public bool EmailSaved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        Account = await accounts.FindAsync(id, ct);
        Email = (await accounts.ContactAsync(id, ct))?.Email;
        return Account is null ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostEmailAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        Account = await accounts.FindAsync(id, ct);
        await setEmail.SetAsync(id, Email, ct);
        Email = (await accounts.ContactAsync(id, ct))?.Email;
        EmailSaved = true;
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        Account = await accounts.FindAsync(id, ct);
        await verify.AgainstRegistryAsync(id, ct);
        Account = await accounts.FindAsync(id, ct);
        Email = (await accounts.ContactAsync(id, ct))?.Email;
        Verified = true;
        return Page();
    }
}
