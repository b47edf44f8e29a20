using System.Text.Json;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Time;

namespace Tongban.Web.Shell;

/// <summary>The serving region's name, from the region pack's region.json; a region is data.</summary>
public sealed record RegionProfile(string Code, string Name, string? NameEn)
{
    public static RegionProfile Load(IConfiguration configuration)
    {
        var options = configuration.GetSection(RegionOptions.Section).Get<RegionOptions>() ?? new RegionOptions();
        try
        {
            var pack = RegionPack.Locate(options.DemoPack);
            if (!pack.Has("region.json")) return Unnamed;
            using var stream = File.OpenRead(pack.PathOf("region.json"));
            return JsonSerializer.Deserialize<RegionProfile>(stream, JsonOptions) ?? Unnamed;
        }
        catch (DirectoryNotFoundException)
        {
            return Unnamed;
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static readonly RegionProfile Unnamed = new("", "", null);
}
