using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Time;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;
using Tongban.Registries.Features.ImportRecords;

namespace Tongban.Registries.Features.GenerateRecords;

/// <summary>
/// The registries' part of the command line and of demo seeding: generating files, and loading the pack's fixed demo
/// records (regions/NAME/registries/*.csv, listed in docs/registries.md) plus a generated set through the importer.
/// </summary>
internal sealed class RegistryImport(ImportRecords.ImportRecords import, IOptions<RegionOptions> region) : IRegistryImport
{
    public Task<RegistryImportSummary> ImportAsync(RegistryImportRequest request, IProgress<RegistryImportProgress>? progress, CancellationToken cancellationToken) =>
        import.RunAsync(request, progress, cancellationToken);

    public Task<long> GenerateAsync(string registry, long count, int seed, ImportFormat format, Stream output, CancellationToken cancellationToken)
    {
        var kind = ImportRecords.ImportRecords.RegistryOf(registry).Kind;
        var generator = new RecordGenerator(GeneratorRegion.Read(RegionPack.Locate(region.Value.DemoPack)), seed);
        return Task.Run(() => RecordWriter.Write(Records(generator, kind, count), RecordFormat.For(kind, new HashSet<string>()), format, output, cancellationToken), cancellationToken);
    }

    public Task<IReadOnlyList<RegistryImportSummary>> SeedAsync(RegistrySeedSize size, int seed, CancellationToken cancellationToken) =>
        SeedAsync(RegionPack.Locate(region.Value.DemoPack), size, seed, Actor.CommandLine, cancellationToken);

    public async Task<IReadOnlyList<RegistryImportSummary>> SeedAsync(RegionPack pack, RegistrySeedSize size, int seed, string actor, CancellationToken cancellationToken)
    {
        var generator = new RecordGenerator(GeneratorRegion.Read(pack), seed);
        var summaries = new List<RegistryImportSummary>();
        foreach (var (kind, count) in new[] { (RegistryKind.Population, size.People), (RegistryKind.LegalEntities, size.Entities), (RegistryKind.Geospatial, size.Features), (RegistryKind.CreditLists, size.CreditEntries) })
        {
            var code = RegistryShapes.Of(kind).Code;
            var demo = Path.Combine(pack.PathOf("registries"), code + ".csv");
            if (File.Exists(demo))
                summaries.Add(await import.RunAsync(new RegistryImportRequest(code, $"{pack.Name}/registries/{code}.csv", () => File.OpenRead(demo), ImportFormat.Csv, actor), null, cancellationToken));
            if (count <= 0) continue;
            var file = new MemoryStream();
            RecordWriter.Write(Records(generator, kind, count), RecordFormat.For(kind, new HashSet<string>()), ImportFormat.Csv, file, cancellationToken);
            var bytes = file.ToArray();
            summaries.Add(await import.RunAsync(new RegistryImportRequest(code, $"generated-{code}-seed{seed}-{count}.csv", () => new MemoryStream(bytes, false), ImportFormat.Csv, actor),
                null, cancellationToken));
        }
        return summaries;
    }

    public static IEnumerable<string[]> Records(RecordGenerator generator, RegistryKind kind, long count) => kind switch
    {
        RegistryKind.Population => generator.People(count),
        RegistryKind.LegalEntities => generator.Entities(count),
        RegistryKind.Geospatial => generator.Features(count),
        _ => generator.CreditEntries(count),
    };
}

/// <summary>First start and <c>tongban seed demo</c>: the fixed demo records and a small generated set, quick enough for start-up.</summary>
internal sealed class RegistriesPackImporter(RegistriesDbContext db, RegistryImport registries) : IRegionPackImporter
{
    public static readonly RegistrySeedSize DemoSize = new(RecordGenerator.ReferencePeople, RecordGenerator.ReferenceEntities, 200, 50);

    public int Order => 30;

    public string Name => "registries";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) => db.Persons.AnyAsync(cancellationToken);

    public async Task<string> ImportAsync(RegionPack pack, CancellationToken cancellationToken)
    {
        if (!pack.Has("divisions.csv")) return "registries: the pack has no divisions.csv";
        var summaries = await registries.SeedAsync(pack, DemoSize, 1, Actor.System, cancellationToken);
        return "registries: " + string.Join(", ", summaries.GroupBy(s => s.Registry).Select(g => $"{g.Sum(s => s.Added)} {g.Key}"))
            + (summaries.Sum(s => s.Rejected) is var rejected and > 0 ? $" ({rejected} lines rejected)" : "");
    }
}
