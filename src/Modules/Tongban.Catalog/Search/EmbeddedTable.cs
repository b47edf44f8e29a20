namespace Tongban.Catalog.Search;

/// <summary>The tab-separated tables shipped inside the assembly (Search/Data): key, tab, value; # starts a comment.</summary>
internal static class EmbeddedTable
{
    public static IEnumerable<(string Key, string Value)> Lines(string file)
    {
        var assembly = typeof(EmbeddedTable).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith("." + file, StringComparison.Ordinal));
        if (name is null) yield break;
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0) yield return (line[..tab], line[(tab + 1)..].Trim());
        }
    }
}
