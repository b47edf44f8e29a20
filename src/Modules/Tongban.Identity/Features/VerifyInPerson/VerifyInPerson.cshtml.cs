using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Identity.Features.Verification;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Features.VerifyInPerson;

/// <summary>A window clerk or station agent checks the person's ID card at the counter and raises the account to L3.</summary>
[Authorize(Policy = VerifyInPersonModel.Policy)]
internal sealed class VerifyInPersonModel(VerifyRealName verify) : PageModel
{
    public const string Policy = "identity-verify-in-person";

    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? Name { get; set; }

    public string? Verified { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = await verify.InPersonAsync(IdNumber ?? "", Name ?? "", Actor.Of(User), StaffScope.Of(User), ct);
        Verified = $"{account.Name}（{account.MaskedIdNumber}）";
        IdNumber = Name = null;
        ModelState.Clear();
        return Page();
    }
}
