using Tongban.Catalog.Contracts;
using Tongban.Kernel.Forms;

namespace Tongban.Applications.Features.SubmitApplication;

/// <summary>
/// What a draft applies for: one item, or a bundle's items (一件事一次办) asked as one application. The once-only
/// principle: a form field with the same key is asked once (shown as the first item defines it, required when any item
/// requires it, checked by every item's rules at submit), and a material key is provided once for every item needing it.
/// </summary>
internal sealed record ApplicationTarget(string Code, string Name, IReadOnlyList<ApplicableItem> Items, IReadOnlyList<UnavailableItem> Unavailable, bool IsBundle)
{
    public static ApplicationTarget Of(ApplicableItem item) => new(item.ImplementationCode, item.Name, [item], [], false);

    public static ApplicationTarget Of(ApplicableBundle bundle) => new(bundle.Code, bundle.Name, bundle.Items, bundle.Unavailable, true);

    public FormDefinition Form => new([.. Items.SelectMany(i => i.Form.Fields).GroupBy(f => f.Key)
        .Select(g => g.First() with { Required = g.Any(f => f.Required) })]);

    /// <summary>
    /// One material per key: the names of what each item calls it, required when any item requires it unconditionally,
    /// tolerable (容缺) and fetchable from a registry only when every item needing it agrees.
    /// </summary>
    public IReadOnlyList<ApplicableMaterial> Materials => [.. Items.SelectMany(i => i.Materials).GroupBy(m => m.Key).Select(g => g.First() with
    {
        Name = string.Join("、", g.Select(m => m.Name).Distinct()),
        Required = g.Any(m => m.Required && m.Condition is null) || g.All(m => m.Required),
        Condition = g.Any(m => m.Condition is null) ? null : g.First().Condition,
        Tolerable = g.All(m => m.Tolerable),
        RegistryFact = g.Select(m => m.RegistryFact).Distinct().Count() == 1 ? g.First().RegistryFact : null,
        LicenseType = g.Select(m => m.LicenseType).Distinct().Count() == 1 ? g.First().LicenseType : null,
    })];

    /// <summary>The first item that needs material <paramref name="key"/>: whose department reads a registry fact for it.</summary>
    public ApplicableItem ItemNeeding(string key) => Items.First(i => i.Materials.Any(m => m.Key == key));

    /// <summary>The highest real-name level any item needs.</summary>
    public int RealNameLevel => Items.Max(i => i.RealNameLevel);
}
