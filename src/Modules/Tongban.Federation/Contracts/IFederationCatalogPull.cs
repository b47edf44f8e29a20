namespace Tongban.Federation.Contracts;

/// <summary>
/// What a pull of the provincial catalog did: pages applied, the entries' outcomes, the city's own implementations sent
/// to legality review, the refused entries by name with their reasons, and — when it stopped — why, in both languages.
/// </summary>
public sealed record CatalogPullResult(int Pages, int Added, int Changed, int Unchanged, int Refused, int SentToReview,
    IReadOnlyList<string> RefusedNames, string? FailureZh = null, string? FailureEn = null)
{
    public bool Failed => FailureZh is not null;
}

/// <summary>A city's pull of the provincial catalog feed on demand (<c>tongban federation pull-catalog</c>, the status page's button).</summary>
public interface IFederationCatalogPull
{
    /// <summary>Pulls pages until caught up; <paramref name="fromStart"/> asks again from the beginning (refused entries get another chance).</summary>
    Task<CatalogPullResult> PullAsync(bool fromStart, CancellationToken cancellationToken);
}
