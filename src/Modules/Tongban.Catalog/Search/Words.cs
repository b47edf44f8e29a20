namespace Tongban.Catalog.Search;

/// <summary>The question words and secondary actions of Search/Data/query-words.tsv.</summary>
internal static class Words
{
    private static readonly (string Kind, string Word)[] All = [.. EmbeddedTable.Lines("query-words.tsv")];

    public static IReadOnlyList<string> Fillers { get; } = [.. All.Where(x => x.Kind == "filler").Select(x => x.Word)];

    public static IReadOnlyList<string> Actions { get; } = [.. All.Where(x => x.Kind == "action").Select(x => x.Word)];
}
