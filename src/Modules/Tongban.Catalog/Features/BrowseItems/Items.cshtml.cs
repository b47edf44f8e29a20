using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalog.Features.ShowGuide;
using Tongban.Catalog.Search;

namespace Tongban.Catalog.Features.BrowseItems;

/// <summary>Browse by subject, department, theme, level and region; and the two public lists.</summary>
internal sealed class ItemsModel(SearchIndexStore store, Tongban.Organization.Contracts.IOrganizationDirectory organization) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Level { get; set; }
    [BindProperty(SupportsGet = true)] public string? Division { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public string? List { get; private set; }
    public int Total { get; private set; }
    public IReadOnlyList<SearchDocument> Items { get; private set; } = [];
    public IReadOnlyList<(string Key, string Label, int Count)> Departments { get; private set; } = [];
    public IReadOnlyList<(string Key, string Label, int Count)> Themes { get; private set; } = [];
    public IReadOnlyList<(string Key, string Label, int Count)> LifeEvents { get; private set; } = [];
    public IReadOnlyList<(string Key, string Label, int Count)> Levels { get; private set; } = [];
    public IReadOnlyList<(string Key, string Label, int Count)> Regions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? list, CancellationToken ct)
    {
        Func<SearchDocument, bool>? only = list switch
        {
            null => null,
            "one-trip" => d => d.Trips <= 1,
            "fully-online" => d => d.OnlineDepth == 4,
            _ => null,
        };
        if (list is not null && only is null) return NotFound();
        List = list;
        PageNumber = Math.Max(1, PageNumber);
        var index = await store.GetAsync(ct);
        var filter = BrowseFilter.From(Subject, Department, Theme, Level, Division);
        (Total, Items) = index.Browse(filter, only, SearchItems.SearchInput.SkipFor(PageNumber, PageSize), PageSize);
        Departments = index.Facets(d => [(d.DepartmentCreditCode, d.DepartmentName)]);
        Themes = index.Facets(d => d.Themes.Select(t => (t, t)));
        LifeEvents = index.Facets(d => d.LifeEvents.Select(t => (t, t)));
        Levels = index.Facets(d => [(d.Level.ToString(), Labels.Of(d.Level))]);
        var counties = index.Facets(d => [(d.DivisionCode[..6], d.DivisionCode[..6])]);
        var names = new List<(string, string, int)>();
        foreach (var (code, _, count) in counties)
            names.Add((code, (await organization.FindDivisionAsync(code + "000000", ct))?.Name ?? code, count));
        Regions = names;
        return Page();
    }

    public string PageLink(int page) =>
        $"{Request.Path}?subject={Subject}&department={Department}&theme={Uri.EscapeDataString(Theme ?? "")}&level={Level}&division={Division}&page={page}";
}
