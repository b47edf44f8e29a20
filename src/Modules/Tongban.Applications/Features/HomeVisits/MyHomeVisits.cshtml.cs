using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ViewCase;
using Tongban.Identity.Contracts;

namespace Tongban.Applications.Features.HomeVisits;

/// <summary>
/// 我的上门服务: the requests one made or is served by, and the form to ask for one — for oneself, or for someone who
/// authorised one for the item (the principals offered are those with an authorisation in force). <c>?item=</c> fills
/// in the item from its guide page.
/// </summary>
[Authorize]
internal sealed class MyHomeVisitsModel(HomeVisits handler, IProxyAuthorisations proxies, IAccountDirectory accounts) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? PreferredTimes { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public Guid? Resident { get; set; }

    public IReadOnlyList<HomeVisit> Requests { get; private set; } = [];
    public string? ItemName { get; private set; }
    /// <summary>Who authorised me (for the picker): their account, name and masked ID number.</summary>
    public IReadOnlyList<AccountInfo> Principals { get; private set; } = [];
    public bool Sent { get; private set; }
    public Guid Me => Applicants.IdOf(User);

    public async Task OnGetAsync(bool sent, CancellationToken ct)
    {
        Sent = sent;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await handler.RequestAsync(new HomeVisitInput(Item, Reason, Address, Phone, PreferredTimes, Note, Resident), User, ct);
        return Redirect("/my/home-visits?sent=true");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Requests = await handler.MineAsync(User, ct);
        ItemName = (await handler.ItemAsync(Item, ct))?.Name;
        var given = await proxies.InForceForAgentAsync(Applicants.IdOf(User), ct);
        Principals = given.Count == 0 ? [] : [.. (await accounts.FindManyAsync([.. given.Select(g => g.PrincipalAccountId).Distinct()], ct)).Values.OrderBy(a => a.DisplayName)];
    }
}
