using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.VerifyLicense;

/// <summary>
/// 电子证照验真, for anyone: <c>?id=IDENTIFIER</c> (what the license's QR code links to) checks it at once; the form takes
/// a typed identifier and the holder's name, posted so the name never sits in a URL. The answer shows the status and
/// the seal's check with the holder masked.
/// </summary>
internal sealed class VerifyModel(VerifyLicense verify) : PageModel
{
    private static readonly UseContext Public = new(UseKind.PublicCheck, Kernel.Security.Actor.Anonymous, null, "公众验真 public verification");

    [BindProperty(SupportsGet = true, Name = "id")]
    public string? Identifier { get; set; }

    [BindProperty]
    public string? HolderName { get; set; }

    public CheckResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Identifier)) return Page();
        return await CheckAsync(null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(HolderName))
            ModelState.AddModelError(nameof(HolderName), Kernel.Localization.Text.T("请输入持证人（单位）名称", "Enter the holder's name"));
        return await CheckAsync(HolderName, ct);
    }

    private async Task<IActionResult> CheckAsync(string? holderName, CancellationToken ct)
    {
        if (VerifyLicense.IdentifierError(Identifier) is { } error) ModelState.AddModelError("id", error.Message);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        Result = await verify.CheckAsync(Identifier!, holderName, Public, ct);
        return Page();
    }
}
