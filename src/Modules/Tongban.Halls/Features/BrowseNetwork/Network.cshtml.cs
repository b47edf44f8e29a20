using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Web;
using Tongban.Organization.Contracts;
using static Tongban.Kernel.Localization.Text;

namespace Tongban.Halls.Features.BrowseNetwork;

/// <summary>
/// 四级服务网络: the city centre, the county centres, the township stations and the village service points by division,
/// each tier's figures, and "nearest to me" by choosing one's county, then township (and village): no location needed,
/// every step a plain GET form, so it works without script.
/// </summary>
[OutputCache(PolicyName = CachePolicies.PublicPage)]
internal sealed class NetworkModel(NetworkDirectory network) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? County { get; set; }
    [BindProperty(SupportsGet = true)] public string? Township { get; set; }
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }

    public NetworkView View { get; private set; } = null!;
    public IReadOnlyList<DivisionInfo> Counties { get; private set; } = [];
    public IReadOnlyList<DivisionInfo> Townships { get; private set; } = [];
    public IReadOnlyList<DivisionInfo> Villages { get; private set; } = [];

    /// <summary>The division chosen (the most precise of county, township and village that is right), if any.</summary>
    public DivisionInfo? Chosen { get; private set; }
    public IReadOnlyList<NetworkPlace> Nearest { get; private set; } = [];
    public IReadOnlyList<NetworkPlace> Below { get; private set; } = [];

    public string Name(DivisionInfo d) => View.DivisionNames.GetValueOrDefault(d.Code, d.Name);

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await network.GetAsync(ct);
        if (View.Root is { } root) Counties = View.ChildrenOf(root.Division.Code);
        var county = Pick(nameof(County), County, Counties, T("请从列表中选择县（市、区）", "Choose a county from the list"));
        if (county is null) return;
        (Chosen, County) = (county, county.Code); // 6 or 9 digits typed into the address: the list shows the choice

        Townships = View.ChildrenOf(county.Code);
        var township = Pick(nameof(Township), Township, Townships, T("请从列表中选择本县（市、区）的乡镇（街道）", "Choose a township of this county from the list"));
        if (township is not null)
        {
            (Chosen, Township) = (township, township.Code);
            Villages = View.ChildrenOf(township.Code);
            if (Pick(nameof(Village), Village, Villages, T("请从列表中选择本乡镇（街道）的村（社区）", "Choose a village of this township from the list")) is { } village)
                (Chosen, Village) = (village, village.Code);
        }
        Nearest = View.NearestTo(Chosen);
        Below = [.. View.Within(Chosen).Where(p => p.DivisionCode != Chosen.Code)];
    }

    /// <summary>The division chosen in a field if it is one of <paramref name="offered"/>; an inline message in both languages otherwise.</summary>
    private DivisionInfo? Pick(string field, string? value, IReadOnlyList<DivisionInfo> offered, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var found = DivisionCode.TryParse(value.Trim(), out var code, out _) ? offered.FirstOrDefault(d => d.Code == code.Value.Value) : null;
        if (found is null) ModelState.AddModelError(field, message);
        return found;
    }
}
