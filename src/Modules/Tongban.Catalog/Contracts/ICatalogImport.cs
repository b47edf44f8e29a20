namespace Tongban.Catalog.Contracts;

/// <summary>What an import or a generation did.</summary>
public sealed record CatalogImportResult(int Added, int Changed, int Unchanged, int Abolished, int Bundles, IReadOnlyList<string> Warnings);

/// <summary>Loads catalog feeds and generates large catalogs, for the <c>tongban</c> command.</summary>
public interface ICatalogImport
{
    /// <summary>Imports a provincial feed (JSON, docs/catalog-feed.md); all or nothing.</summary>
    /// <exception cref="Kernel.Errors.DomainException">Every bad line, with its line number and field.</exception>
    Task<CatalogImportResult> ImportFeedAsync(byte[] json, string source, string actor, CancellationToken cancellationToken);

    /// <summary>Imports the CSV form of a feed: items.csv and materials.csv (docs/catalog-feed.md); all or nothing.</summary>
    /// <param name="complete">Whether the feed is the whole provincial catalog (local items missing from it are reported).</param>
    Task<CatalogImportResult> ImportCsvFeedAsync(TextReader items, TextReader materials, string source, bool complete, string actor, CancellationToken cancellationToken);

    /// <summary>Adds generated items, derived from the items in the catalog now, until it holds <paramref name="items"/>.</summary>
    Task<CatalogImportResult> GenerateAsync(int items, string actor, CancellationToken cancellationToken);
}
