namespace Tongban.Catalog.Contracts;

/// <summary>What an import or a generation did.</summary>
public sealed record CatalogImportResult(int Added, int Changed, int Unchanged, int Abolished, int Bundles, IReadOnlyList<string> Warnings);

/// <summary>What one entry of a feed applied entry by entry did to its item.</summary>
public enum CatalogEntryOutcome
{
    Added,
    Changed,
    Unchanged,
    Abolished,

    /// <summary>The entry breaks the catalog's rules; nothing of it was written (the reasons say why).</summary>
    Refused,
}

/// <summary>One entry of a feed applied entry by entry: its item, what happened and, when refused, why (both languages).</summary>
public sealed record CatalogEntryResult(string ImplementationCode, string Name, CatalogEntryOutcome Outcome, string? ReasonZh = null, string? ReasonEn = null);

/// <summary>
/// A feed applied entry by entry: each entry's outcome; the names of the lower-level implementations of a changed basic
/// item whose basic elements were redrafted from it and sent to the legality review (<see cref="SentToReview"/>); and
/// those that could not be (<see cref="NotRebased"/>: work in progress, or elements the rules refuse), which the
/// consistency report keeps showing.
/// </summary>
public sealed record CatalogEntriesResult(IReadOnlyList<CatalogEntryResult> Entries, IReadOnlyList<string> SentToReview, IReadOnlyList<string> NotRebased);

/// <summary>Loads catalog feeds and generates large catalogs, for the <c>tongban</c> command.</summary>
public interface ICatalogImport
{
    /// <summary>Imports a provincial feed (JSON, docs/catalog-feed.md); all or nothing.</summary>
    /// <exception cref="Kernel.Errors.DomainException">Every bad line, with its line number and field.</exception>
    Task<CatalogImportResult> ImportFeedAsync(byte[] json, string source, string actor, CancellationToken cancellationToken);

    /// <summary>
    /// Imports a provincial feed entry by entry (the federation's catalog feed, ADR 0017): the same checks and outcomes as
    /// <see cref="ImportFeedAsync"/>, but an entry that breaks a rule is refused and named while the rest are applied,
    /// and each added or changed item's basic elements are redrafted into the lower-level implementations of its basic
    /// code and submitted to the legality review (their own elements — division, department, level, places,
    /// consultation phone — kept). Applying the same feed twice changes nothing.
    /// </summary>
    Task<CatalogEntriesResult> ImportEntriesAsync(byte[] json, string source, string actor, CancellationToken cancellationToken);

    /// <summary>Imports the CSV form of a feed: items.csv and materials.csv (docs/catalog-feed.md); all or nothing.</summary>
    /// <param name="complete">Whether the feed is the whole provincial catalog (local items missing from it are reported).</param>
    Task<CatalogImportResult> ImportCsvFeedAsync(TextReader items, TextReader materials, string source, bool complete, string actor, CancellationToken cancellationToken);

    /// <summary>Adds generated items, derived from the items in the catalog now, until it holds <paramref name="items"/>.</summary>
    Task<CatalogImportResult> GenerateAsync(int items, string actor, CancellationToken cancellationToken);
}
