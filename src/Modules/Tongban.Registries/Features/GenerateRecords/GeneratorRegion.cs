using System.Globalization;
using System.Text.Json;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Import;
using Tongban.Kernel.Seeding;

namespace Tongban.Registries.Features.GenerateRecords;

/// <summary>A division as the generator needs it: its code and the names from its county down.</summary>
internal sealed record PlaceName(string Code, string County, string? Township, string? Village)
{
    public string County6 => Code[..6];

    /// <summary>The address up to the village or the township: 铁岭县新台子镇某某村.</summary>
    public string Prefix => County + Township + Village;
}

/// <summary>
/// What the generator knows of the region, all of it read from the region pack: the city, its counties, the places
/// people live in (villages, and townships without villages), the departments that list credit entries, and the
/// centre the geospatial features lie around (the mean position of the pack's halls).
/// </summary>
internal sealed record GeneratorRegion(string City, IReadOnlyList<PlaceName> Places, IReadOnlyList<string> Departments, double Latitude, double Longitude)
{
    public static GeneratorRegion Read(RegionPack pack)
    {
        using var reader = new StreamReader(pack.PathOf("divisions.csv"));
        var rows = CsvTable.Read(reader, "divisions.csv", "code", "name", "level");
        var names = rows.ToDictionary(r => r["code"], r => r["name"], StringComparer.Ordinal);
        var levels = rows.ToDictionary(r => r["code"], r => r["level"], StringComparer.Ordinal);
        var city = rows.FirstOrDefault(r => r["level"] == "city")?["name"]
            ?? throw new DomainException(new DomainError("generate.no_city", "区域数据包的divisions.csv中没有市级区划", "The pack's divisions.csv has no city", Field: "divisions.csv"));
        var active = rows.Where(r => r.Optional("valid_to") is null).Select(r => r["code"]).ToHashSet(StringComparer.Ordinal);
        var withChildren = active.Where(c => levels[c] == "village").Select(c => c[..9] + "000").ToHashSet(StringComparer.Ordinal);
        string? Name(string code) => names.GetValueOrDefault(code);
        var places = active.Where(c => levels[c] == "village" || (levels[c] == "township" && !withChildren.Contains(c)))
            .Order(StringComparer.Ordinal)
            .Select(c => new PlaceName(c, Name(c[..6] + "000000") ?? city, Name(c[..9] + "000"), levels[c] == "village" ? Name(c) : null))
            .ToList();
        if (places.Count == 0)
            throw new DomainException(new DomainError("generate.no_places", "区域数据包中没有乡镇或村级区划", "The pack has no townships or villages", Field: "divisions.csv"));

        var departments = new List<string>();
        if (pack.Has("departments.csv"))
        {
            using var departmentReader = new StreamReader(pack.PathOf("departments.csv"));
            departments.AddRange(CsvTable.Read(departmentReader, "departments.csv", "credit_code").Select(r => r["credit_code"].ToUpperInvariant()));
        }
        var (latitude, longitude) = (0.0, 0.0);
        if (pack.Has("halls.json"))
        {
            using var halls = JsonDocument.Parse(File.ReadAllBytes(pack.PathOf("halls.json")));
            var positions = halls.RootElement.EnumerateArray()
                .Where(h => h.TryGetProperty("latitude", out var la) && la.ValueKind == JsonValueKind.Number && h.TryGetProperty("longitude", out var lo) && lo.ValueKind == JsonValueKind.Number)
                .Select(h => (h.GetProperty("latitude").GetDouble(), h.GetProperty("longitude").GetDouble())).ToList();
            if (positions.Count > 0) (latitude, longitude) = (positions.Average(p => p.Item1), positions.Average(p => p.Item2));
        }
        return new GeneratorRegion(city, places, departments, Math.Round(latitude, 4), Math.Round(longitude, 4));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{City}: {Places.Count} places around {Latitude}, {Longitude}");
}
