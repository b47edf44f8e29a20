using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalog.Search;

namespace Tongban.Catalog.Features.SearchItems;

/// <summary>The portal search: any input answers normally; an empty query lists nothing.</summary>
internal sealed class SearchModel(SearchIndexStore store) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var index = await store.GetAsync(ct);
        var filter = new SearchFilter(Labels.SubjectFrom(Subject));
        Result = string.IsNullOrWhiteSpace(Q) ? null : index.Search(Q, filter, (PageNumber - 1) * PageSize, PageSize);
    }
}
