using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Tongban.Kernel.Web;

namespace Tongban.Halls.Features.BrowseNetwork;

/// <summary>One centre or station of the network: where, when, who, the centres above it, and every item handled there.</summary>
[OutputCache(PolicyName = CachePolicies.PublicPage)]
internal sealed class NetworkPlacePageModel(NetworkDirectory network) : PageModel
{
    public NetworkPlace Place { get; private set; } = null!;
    public IReadOnlyList<NetworkPlace> Above { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string kind, string key, CancellationToken ct)
    {
        var view = await network.GetAsync(ct);
        var centre = kind == "centres";
        var place = view.Places.FirstOrDefault(p => p.Key == key && (p.Kind == PlaceKind.Centre) == centre);
        if (place is null) return NotFound();
        Place = place;
        if (view.Divisions.TryGetValue(place.DivisionCode, out var division))
            Above = [.. view.NearestTo(division).Where(p => p.Key != place.Key && p.Level < place.Level)];
        return Page();
    }
}
