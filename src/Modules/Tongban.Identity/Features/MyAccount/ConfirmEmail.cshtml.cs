using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Identity.Features.MyAccount;

/// <summary>
/// The page the confirmation link opens: the holder, signed in, confirms with a button. Opening the link alone changes
/// nothing, so a mail scanner that follows links does not use the token up.
/// </summary>
[Authorize]
internal sealed class ConfirmEmailModel(ConfirmEmail confirmEmail) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }

    public bool Confirmed { get; private set; }

    public IActionResult OnGet() => User.AccountId() is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return Forbid();
        await confirmEmail.ConfirmAsync(id, Token, ct);
        Confirmed = true;
        return Page();
    }
}
