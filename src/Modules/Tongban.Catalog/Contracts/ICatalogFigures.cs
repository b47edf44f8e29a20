namespace Tongban.Catalog.Contracts;

/// <summary>
/// An item in effect (not abolished) as the statistics count it: its implementation code and name, department, division,
/// level (<c>central</c>, <c>province</c>, <c>city</c>, <c>county</c>, <c>township</c>, <c>village</c>), online-handling
/// depth (1 information only … 3 applied for online, 4 fully online, 全程网办), the trips it promises and its statutory and
/// promised time limits in working days (statutory null: none set).
/// </summary>
public sealed record ItemFigures(
    string ImplementationCode,
    string Name,
    string DepartmentCreditCode,
    string DivisionCode,
    string Level,
    int OnlineDepth,
    int PromisedTrips,
    int? StatutoryLimitDays,
    int PromisedLimitDays);

/// <summary>What the statistics read of the catalog for the item-side indicators (网上可办率, 全程网办率, trips, limits).</summary>
public interface ICatalogFigures
{
    /// <summary>Every item in effect and not abolished, or only one department's; one row per implementation code.</summary>
    Task<IReadOnlyList<ItemFigures>> ListAsync(string? departmentCreditCode, CancellationToken cancellationToken);
}
