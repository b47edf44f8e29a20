namespace Tongban.Catalog.Contracts;

/// <summary>
/// A page of the catalog's published provincial items changed after a cursor: <see cref="Feed"/> is a feed document
/// (docs/catalog-feed.md, <c>"complete": false</c>) of <see cref="Count"/> items; <see cref="Next"/> is the cursor to
/// ask with next (the same one when nothing changed); <see cref="ChangedUpTo"/> when the last item given changed;
/// <see cref="More"/> whether more changes wait after this page.
/// </summary>
public sealed record CatalogFeedPage(byte[] Feed, int Count, string? Next, DateTimeOffset? ChangedUpTo, bool More);

/// <summary>
/// The catalog's provincial items as an incremental feed (the province's side of ADR 0017's catalog feed): the items
/// at the provincial level (省) published and in effect, ordered by when their version in effect took effect (its
/// approval, or its effective date when later) and then by implementation code.
/// </summary>
public interface ICatalogFeedSource
{
    /// <summary>
    /// Up to <paramref name="limit"/> items changed after <paramref name="after"/> (null: from the start) and no later
    /// than <paramref name="settledBy"/>. A change is stamped when it is made and becomes visible when its transaction
    /// commits, a moment later; a reader that gave out a later change meanwhile would move its cursor past the earlier
    /// one and never give it. Asking only for changes older than the longest transaction closes that gap.
    /// </summary>
    /// <exception cref="Kernel.Errors.DomainException">The cursor is not one this catalog gave (a bad request).</exception>
    Task<CatalogFeedPage> ReadAsync(string? after, int limit, DateTimeOffset settledBy, CancellationToken cancellationToken);
}
