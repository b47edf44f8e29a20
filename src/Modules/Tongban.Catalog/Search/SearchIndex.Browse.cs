namespace Tongban.Catalog.Search;

internal sealed partial class SearchIndex
{
    /// <summary>Items matching a filter without a query, by name: the portal's browse pages and lists.</summary>
    public (int Total, IReadOnlyList<SearchDocument> Page) Browse(SearchFilter filter, Func<SearchDocument, bool>? also, int skip, int take)
    {
        var matching = _documents.Where(d => filter.Accepts(d) && (also is null || also(d))).ToList();
        var page = matching.OrderBy(d => d.Name, StringComparer.Ordinal).ThenBy(d => d.ImplementationCode, StringComparer.Ordinal)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 0, MaxTake)).ToList();
        return (matching.Count, page);
    }

    /// <summary>Every theme and department present, with the number of items: the browse page's facets.</summary>
    public IReadOnlyList<(string Key, string Label, int Count)> Facets(Func<SearchDocument, IEnumerable<(string Key, string Label)>> of) =>
        _documents.SelectMany(of).GroupBy(x => x.Key).Select(g => (g.Key, g.First().Label, g.Count()))
            .OrderByDescending(x => x.Item3).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();

    /// <summary>The places items are handled in (the city and its counties), with their names: for choosing where one lives.</summary>
    public IReadOnlyList<(string Code, string Name)> AllPlaces =>
        [.. _placeNames.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
}
