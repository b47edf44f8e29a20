using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalog.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Organization.Contracts;

namespace Tongban.Halls.Features.FreeAgency;

/// <summary>
/// 我的帮办代办: the form to ask a centre for an agent for an investment project (the items found by name with the catalog's
/// search, in the same form so nothing typed is lost), and one's requests: their state, the agent, the cases started under
/// each, close, rate once closed.
/// </summary>
[Authorize]
internal sealed class MyAgencyModel(FreeAgency handler, IAccountDirectory accounts, IServiceItems items, IServiceItemSearch search) : PageModel
{
    [BindProperty] public string? Hall { get; set; }
    [BindProperty] public string? Enterprise { get; set; }
    [BindProperty] public string? Project { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public List<string> Items { get; set; } = [];
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Query { get; set; }
    [BindProperty] public int? Level { get; set; }
    [BindProperty] public string? Comment { get; set; }

    public IReadOnlyList<AgencyEntry> Requests { get; private set; } = [];
    public IReadOnlyList<HallInfo> Halls { get; private set; } = [];
    public IReadOnlyList<EnterpriseInfo> Enterprises { get; private set; } = [];
    /// <summary>The items ticked so far and those the last search found, each once.</summary>
    public IReadOnlyList<ApplicableItem> Choices { get; private set; } = [];
    public bool Searched { get; private set; }
    public bool Sent { get; private set; }

    public async Task OnGetAsync(bool sent, CancellationToken ct)
    {
        Sent = sent;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct); // the page as it was, for inline messages if the request is refused
        await handler.AskAsync(new AgencyInput(Hall, Enterprise, Project, Description, Items, Phone), User, ct);
        return Redirect("/my/agency?sent=true");
    }

    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        Searched = true;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(ct);
        await handler.CloseMineAsync(id, User, ct);
        return Redirect($"/my/agency#request-{id:N}");
    }

    public async Task<IActionResult> OnPostRateAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(ct);
        await handler.RateAsync(id, new AgencyRatingInput(Level, Comment), User, ct);
        return Redirect($"/my/agency#request-{id:N}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Requests = await handler.MineAsync(User, ct);
        Halls = await handler.HallsAsync(ct);
        if (Guid.TryParse(User.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var me))
            Enterprises = await accounts.EnterprisesInScopeAsync(me, FreeAgency.Scope, ct);
        var ticked = Items.Select(i => (i ?? "").Trim()).Where(i => i.Length is > 0 and <= 64).Distinct().Take(FreeAgency.MostShown).ToList();
        var chosen = ticked.Count == 0 ? [] : await items.FindApplicableAsync(ticked, ct);
        var text = (Query ?? "").Trim();
        var found = Searched && text.Length is > 0 and <= 50 ? await search.SearchApplicableAsync(text, 20, ct) : [];
        Choices = [.. chosen.Concat(found).DistinctBy(i => i.ImplementationCode)];
    }
}
