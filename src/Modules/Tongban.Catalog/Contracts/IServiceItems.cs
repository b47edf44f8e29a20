using Tongban.Kernel.Forms;

namespace Tongban.Catalog.Contracts;

/// <summary>
/// A material of an item as an application needs it. <see cref="Key"/> is stable within the item's version;
/// <see cref="Tolerable"/> (容缺) means it may be promised for later at acceptance; <see cref="RegistryFact"/>
/// (e.g. population.household) and <see cref="LicenseType"/> name what the platform can fetch instead of an upload.
/// </summary>
public sealed record ApplicableMaterial(
    string Key, string Name, bool Required, string? Condition, bool Tolerable, string? RegistryFact, string? LicenseType);

/// <summary>One step of the item's handling after acceptance, done by a holder of <see cref="Role"/> (a <c>Policies</c> name).</summary>
public sealed record ProcessStep(string Key, string NameZh, string NameEn, string Role);

/// <summary>A published service item, as the applications module needs it to take and handle an application.</summary>
public sealed record ApplicableItem(
    string ImplementationCode,
    string Name,
    int VersionNumber,
    string DepartmentCreditCode,
    string DivisionCode,
    int PromisedLimitDays,
    int? StatutoryLimitDays,
    int PromisedTrips,
    int RealNameLevel,
    bool ForPersons,
    bool ForLegalEntities,
    IReadOnlyList<ApplicableMaterial> Materials,
    IReadOnlyList<ProcessStep> Process,
    FormDefinition Form)
{
    /// <summary>
    /// Whether a person may apply for it online (在线办理): handled online (网上受理 or 全程网办) with an application form.
    /// A window clerk or a station agent takes an application for any item in effect, online or not.
    /// </summary>
    public bool CanApplyOnline { get; init; } = true;
}

/// <summary>A basic item of a bundle that cannot be applied for now, and why (never published, suspended, abolished).</summary>
public sealed record UnavailableItem(string BasicCode, string Name, string ReasonZh, string ReasonEn);

/// <summary>
/// A life event (一件事一次办) as an application takes it: for each of its basic codes the item in effect (the
/// implementation at the highest level, as the life-event page shows it), in the bundle's order; those that cannot be
/// applied for now are in <see cref="Unavailable"/>.
/// </summary>
public sealed record ApplicableBundle(string Code, string Name, IReadOnlyList<ApplicableItem> Items, IReadOnlyList<UnavailableItem> Unavailable);

/// <summary>What other modules may read of the catalog to apply for an item.</summary>
public interface IServiceItems
{
    /// <summary>The item in effect today if it is published (not suspended or abolished), else null.</summary>
    Task<ApplicableItem?> FindApplicableAsync(string implementationCode, CancellationToken cancellationToken);

    /// <summary>Of <paramref name="implementationCodes"/>, the items in effect today that are published, in one query (codes not found or not applicable are left out).</summary>
    Task<IReadOnlyList<ApplicableItem>> FindApplicableAsync(IReadOnlyCollection<string> implementationCodes, CancellationToken cancellationToken);

    /// <summary>
    /// The bundle with the items that can be applied for today; null when the code is unknown or fewer than two of
    /// its items can be applied for (one item alone is applied for as itself).
    /// </summary>
    Task<ApplicableBundle?> FindBundleAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// The application form of one version of an item, whatever its state now (a case shows its values with the labels and
    /// options of the version it was submitted under); null when the item or version is unknown.
    /// </summary>
    Task<FormDefinition?> FormOfAsync(string implementationCode, int version, CancellationToken cancellationToken);
}

/// <summary>
/// The catalog searched by an administrator who links something to items by name (a license type's producing items).
/// Apart from <see cref="IServiceItems"/> so that its test doubles need not implement it.
/// </summary>
public interface IServiceItemSearch
{
    /// <summary>
    /// The published items in effect today whose name contains <paramref name="text"/> or whose implementation code
    /// begins with it, by name, at most <paramref name="limit"/>; none for an empty text.
    /// </summary>
    Task<IReadOnlyList<ApplicableItem>> SearchApplicableAsync(string text, int limit, CancellationToken cancellationToken);
}
