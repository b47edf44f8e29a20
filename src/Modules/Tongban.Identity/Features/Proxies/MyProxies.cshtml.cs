using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Identity.Features.Proxies;

/// <summary>
/// 代办授权: the principal authorises an agent (ID number and name, in the form body) for items until a date, sees
/// every authorisation given — in force, expired, revoked — and revokes; the agent sees those given to them.
/// </summary>
[Authorize]
internal sealed class MyProxiesModel(ProxyAuthorisations proxies) : PageModel
{
    [BindProperty] public string? AgentIdNumber { get; set; }
    [BindProperty] public string? AgentName { get; set; }
    [BindProperty] public string? Items { get; set; }
    [BindProperty] public DateOnly? ValidUntil { get; set; }

    public MyProxies Proxies { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostGrantAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        var items = (Items ?? "").Split([',', '，', '、', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        await proxies.GrantAsync(User.AccountId()!.Value, new ProxyGrant(AgentIdNumber ?? "", AgentName ?? "", items, ValidUntil ?? DateOnly.MinValue), ct);
        return Redirect("/account/proxies");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid authorisation, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        await proxies.RevokeAsync(User.AccountId()!.Value, authorisation, ct);
        return Redirect("/account/proxies");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return false;
        Proxies = await proxies.OfAsync(id, ct);
        return true;
    }
}
