using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalog.Domain;

namespace Tongban.Catalog.Features.ShowLifeEvent;

internal sealed class LifeEventsModel(LifeEventQueries queries) : PageModel
{
    public IReadOnlyList<Bundle> Bundles { get; private set; } = [];
    public LifeEvent? Event { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, string? name, CancellationToken ct)
    {
        Bundles = await queries.ListAsync(ct);
        code ??= Bundles.FirstOrDefault(b => b.Name == name)?.Code;
        if (code is null) return name is null ? Page() : NotFound();
        Event = await queries.GetAsync(code, ct);
        return Event is null ? NotFound() : Page();
    }
}
