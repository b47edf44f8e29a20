namespace Tongban.DemoDepartments;

/// <summary>A person of the demo region, as the region pack's population registry lists them.</summary>
internal sealed record DemoPerson(string IdNumber, string Name, DateOnly BirthDate, string Status);

internal static class DemoPeople
{
    /// <summary>
    /// The demo region's people (<c>regions/tieling/registries/population.csv</c>, found above the program or given with
    /// <c>--population FILE</c>). A department system knows the people of its region, not the platform's database.
    /// </summary>
    public static IReadOnlyDictionary<string, DemoPerson> Load(string? file)
    {
        var path = file ?? Locate() ?? throw new FileNotFoundException("regions/tieling/registries/population.csv not found; give --population FILE");
        return File.ReadLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
            .Select(f => new DemoPerson(f[0], f[1], DateOnly.Parse(f[3], System.Globalization.CultureInfo.InvariantCulture), f[10]))
            .ToDictionary(p => p.IdNumber, StringComparer.OrdinalIgnoreCase);
    }

    private static string? Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "regions", "tieling", "registries", "population.csv");
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
