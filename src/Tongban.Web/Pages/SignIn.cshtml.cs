using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;

namespace Tongban.Web.Pages;

/// <summary>
/// Staff sign-in. Until the identity module lands this is the development sign-in: a name and the roles to
/// act in, enabled only where Authentication:DevelopmentSignIn is true; elsewhere the page says so.
/// </summary>
public sealed class SignInModel(IOptions<Hosting.AuthenticationOptions> options) : PageModel
{
    public bool Enabled => options.Value.DevelopmentSignIn;

    [BindProperty]
    public string Name { get; set; } = "";

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    /// <summary>The staff scope to act in (<see cref="StaffClaims"/>), so scoped features can be tried without accounts.</summary>
    [BindProperty]
    public string? Department { get; set; }

    [BindProperty]
    public string? Station { get; set; }

    [BindProperty]
    public string? Divisions { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>Without the development sign-in, staff and citizens sign in with their accounts (ADR 0010).</summary>
    public IActionResult OnGet() => Enabled
        ? Page()
        : LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? $"/account/sign-in?ReturnUrl={Uri.EscapeDataString(ReturnUrl!)}" : "/account/sign-in");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Enabled) return NotFound();
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > 50)
            errors.Add(new DomainError("sign_in.name", "请填写姓名（不超过50字）", "Give a name (50 characters at most)", Field: "Name"));
        var roles = Roles.Where(r => Policies.All.Any(p => p.Role == r)).Distinct().ToList();
        if (roles.Count == 0)
            errors.Add(new DomainError("sign_in.roles", "请至少选择一个角色", "Choose at least one role", Field: "Roles"));
        var divisions = (Divisions ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var d in divisions)
            if (!DivisionCode.TryParse(d, out _, out var divisionError)) errors.Add(divisionError!.At("Divisions"));
        if (errors.Count > 0) throw new DomainException(errors);

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, $"dev:{Name.Trim()}"), new(ClaimTypes.Name, Name.Trim()) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(divisions.Select(d => new Claim(StaffClaims.Division, DivisionCode.Parse(d).Value)));
        if (!string.IsNullOrWhiteSpace(Department)) claims.Add(new Claim(StaffClaims.Department, Department.Trim().ToUpperInvariant()));
        if (!string.IsNullOrWhiteSpace(Station)) claims.Add(new Claim(StaffClaims.Station, Station.Trim()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/admin");
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect("/");
    }
}
