namespace Tongban.Catalog.Contracts;

/// <summary>
/// A published item in effect with one place it is handled at: a hall (<see cref="Hall"/>, its slug) or a township or
/// village station (<see cref="Station"/>, its key) — exactly one of the two. An item handled at three places gives three.
/// </summary>
public sealed record PlacedItem(string ImplementationCode, string Name, string DepartmentCreditCode, string DivisionCode, string? Hall, string? Station);

/// <summary>
/// Where the published items are handled, as the service network's pages list them (the items a hall or a station
/// handles). Apart from <see cref="IServiceItems"/> so that its test doubles need not implement it.
/// </summary>
public interface IItemPlaces
{
    /// <summary>Every place of every published item in effect today, by item name (suspended and abolished items are left out).</summary>
    Task<IReadOnlyList<PlacedItem>> ListPlacedAsync(CancellationToken cancellationToken);
}
