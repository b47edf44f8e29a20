namespace Tongban.Kernel.Seeding;

/// <summary>
/// A module's part of loading a region pack (regions/NAME/). Importers run in <see cref="Order"/>;
/// each validates its whole file before it writes anything and refuses it with the line and field named.
/// </summary>
public interface IRegionPackImporter
{
    int Order { get; }

    string Name { get; }

    /// <summary>Whether this module already holds data (the pack then is not loaded on first start).</summary>
    Task<bool> HasDataAsync(CancellationToken cancellationToken);

    Task<string> ImportAsync(RegionPack pack, CancellationToken cancellationToken);
}

/// <summary>A region pack directory, e.g. regions/tieling.</summary>
public sealed record RegionPack(string Name, string Directory)
{
    public string PathOf(string file) => System.IO.Path.Combine(Directory, file);

    public bool Has(string file) => File.Exists(PathOf(file));

    /// <summary>Finds regions/NAME beside the application or in a parent directory (a source checkout).</summary>
    public static RegionPack Locate(string name, string? baseDirectory = null)
    {
        foreach (var start in new[] { baseDirectory ?? AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "regions", name);
                if (System.IO.Directory.Exists(candidate)) return new RegionPack(name, candidate);
            }
        }
        throw new DirectoryNotFoundException($"Region pack '{name}' was not found in a 'regions' directory beside the application.");
    }
}
