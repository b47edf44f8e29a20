using System.Runtime.CompilerServices;
using System.Text.Json;
using Tongban.Catalog.Domain;
using Tongban.Catalog.Features.GenerateCatalog;
using Tongban.Catalog.Search;
using Tongban.Kernel.Identifiers;

namespace Tongban.Catalog.Tests;

/// <summary>
/// The demo region's catalog (regions/tieling) as search documents, without a database: its 522 items and life
/// events, its synonyms and division names, and the same catalog grown as <c>tongban seed catalog --items N</c> grows
/// it (<see cref="CatalogGrowth"/>). Shared by the search tests and the search benchmarks.
/// </summary>
internal static class DemoCatalog
{
    private static readonly Lazy<JsonElement> Feed = new(() => JsonDocument.Parse(File.ReadAllBytes(PathOf("catalog.json"))).RootElement);

    // Credit code and Chinese name are the first two columns; neither holds a comma.
    private static readonly Lazy<Dictionary<string, string>> Departments = new(() => File.ReadAllLines(PathOf("departments.csv")).Skip(1)
        .Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[1]));

    public static string Root([CallerFilePath] string here = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", ".."));

    public static string PathOf(string file) => Path.Combine(Root(), "regions", "tieling", file);

    public static List<SearchDocument> Items() => [.. Feed.Value.GetProperty("items").EnumerateArray().Select(Document)];

    public static List<LifeEventDocument> LifeEvents() => [.. Feed.Value.GetProperty("bundles").EnumerateArray().Select(b => new LifeEventDocument(
        b.GetProperty("code").GetString()!, b.GetProperty("name").GetString()!, b.GetProperty("summary").GetString(), SubjectsOf(b)))];

    public static List<IReadOnlyList<string>> Synonyms() => [.. File.ReadAllLines(PathOf("synonyms.txt"))
        .Where(l => l.Length > 0 && l[0] != '#').Select(l => (IReadOnlyList<string>)l.Split('|'))];

    public static Dictionary<string, string> DivisionNames() => File.ReadAllLines(PathOf("divisions.csv")).Skip(1)
        .Select(l => l.Split(',')).ToDictionary(c => c[0], c => c[1]);

    /// <summary>The index over the demo catalog grown to <paramref name="items"/> items.</summary>
    public static SearchIndex Index(int items) => new(Grown(items), Synonyms(), Pinyin.Shipped, LifeEvents(), DivisionNames());

    /// <summary>
    /// The demo items plus, up to <paramref name="items"/>, the implementations the generator would add; with
    /// <paramref name="ownNames"/> each added one is named after its place too (企业设立登记（红旗街道）), so that no two
    /// implementations share a text: the worst case for the index.
    /// </summary>
    public static List<SearchDocument> Grown(int items, bool ownNames = false)
    {
        var demo = Items();
        var bases = demo.GroupBy(d => d.BasicCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(d => d.Level).ThenBy(d => d.DivisionCode, StringComparer.Ordinal).First()).ToList();
        var names = DivisionNames();
        // Every demo county has a registered department, so every division below the city takes implementations.
        var divisions = names.Keys.Select(DivisionCode.Parse).Where(c => c.Level >= DivisionLevel.County)
            .OrderBy(c => c.Level).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
        var implemented = demo.Select(d => (d.BasicCode, d.DivisionCode)).ToHashSet();
        var grown = CatalogGrowth.Slots([.. bases.Select(b => b.BasicCode)], [.. divisions.Select(d => d.Value)], implemented)
            .Take(Math.Max(0, items - demo.Count)).Select((slot, k) => Implement(bases[slot.Base], slot, k, ownNames ? $"（{names[slot.DivisionCode]}）" : ""));
        return [.. demo, .. grown];
    }

    private static SearchDocument Implement(SearchDocument b, CatalogGrowth.Slot slot, int serial, string suffix) => b with
    {
        ItemId = Guid.NewGuid(),
        ImplementationCode = $"G{serial:D9}",
        BasicCode = CatalogGrowth.BasicCode(b.BasicCode, slot.Variant),
        Name = b.Name + CatalogGrowth.Variants[slot.Variant] + suffix,
        Level = DivisionCode.Parse(slot.DivisionCode).Level switch { DivisionLevel.County => ExerciseLevel.县, DivisionLevel.Township => ExerciseLevel.乡镇, _ => ExerciseLevel.村 },
        DivisionCode = slot.DivisionCode,
    };

    private static SearchDocument Document(JsonElement i) => new(
        Guid.NewGuid(), i.GetProperty("implementationCode").GetString()!, i.GetProperty("basicCode").GetString()!, i.GetProperty("name").GetString()!,
        i.TryGetProperty("summary", out var s) ? s.GetString() : null, i.GetProperty("departmentCreditCode").GetString()!,
        Departments.Value[i.GetProperty("departmentCreditCode").GetString()!], SubjectsOf(i),
        i.GetProperty("onlineDepth").GetInt32(), i.GetProperty("trips").GetInt32(), Enum.Parse<ItemType>(i.GetProperty("type").GetString()!),
        Enum.Parse<ExerciseLevel>(i.GetProperty("level").GetString()!), i.GetProperty("divisionCode").GetString()!, ItemStatus.Published, [], []);

    private static Subjects SubjectsOf(JsonElement e) => e.GetProperty("subjects").EnumerateArray()
        .Aggregate(Subjects.None, (all, s) => all | (s.GetString() == "legal-person" ? Subjects.LegalPerson : Subjects.Person));
}
