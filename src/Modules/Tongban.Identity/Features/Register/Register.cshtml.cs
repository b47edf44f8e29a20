using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Identity.Features.Accounts;
using Tongban.Identity.Features.SignIn;

namespace Tongban.Identity.Features.Register;

internal sealed class RegisterInput
{
    public string IdNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Password { get; set; } = "";
}

/// <summary>A citizen registers with ID number, name, mobile phone and password (real-name level 1), and is signed in.</summary>
internal sealed class RegisterModel(RegisterAccounts register, AccountSignIn signIn) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    /// <summary>The page that sent the person to sign in, to go back to once registered (a local path only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string SignInPath => ReturnPaths.With("/account/sign-in", ReturnUrl, Url);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var account = await register.RegisterCitizenAsync(new CitizenRegistration(Input.IdNumber, Input.Name, Input.Phone, Input.Password), ct);
        await signIn.SignInAsync(account, HttpContext, ct);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account");
    }
}
