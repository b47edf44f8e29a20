using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Data;
using Tongban.Registries.Contracts;

namespace Tongban.Licenses.Features.ImportHistory;

/// <summary>The command line's and demo seeding's way in: importing a file, and generating one over the published catalog.</summary>
internal sealed class LicenseHistory(LicensesDbContext db, ImportHistory import, IRegistryImport registries, IRegistryRecords records) : ILicenseHistory
{
    /// <summary>The demo registries' reference people and entities (generated with seed 1), whom generated licenses are issued to.</summary>
    private const int People = 2_000, Entities = 200;

    public Task<HistoryImportSummary> ImportAsync(HistoryImportRequest request, IProgress<HistoryImportProgress>? progress, CancellationToken cancellationToken) =>
        import.RunAsync(request, progress, cancellationToken);

    public async Task<long> GenerateAsync(long count, int seed, bool jsonLines, Stream output, CancellationToken cancellationToken)
    {
        var types = (await db.Types.AsNoTracking().ToListAsync(cancellationToken)).Where(t => t.Published is not null).OrderBy(t => t.Code, StringComparer.Ordinal).ToList();
        if (types.Count == 0) return 0;
        var generator = new HistoryGenerator(types, await HoldersAsync(RegistryKind.Population, People, cancellationToken),
            await HoldersAsync(RegistryKind.LegalEntities, Entities, cancellationToken), seed);
        var fields = types.SelectMany(t => t.Published!.Definition.Fields.Fields.Select(f => f.Key)).Distinct().Order(StringComparer.Ordinal);
        string[] columns = [.. HistoryLines.Required, "valid_until", .. fields];
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        long written = 0;
        if (jsonLines)
        {
            foreach (var record in generator.Records(count))
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(record));
                written++;
            }
            return written;
        }
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var column in columns) csv.WriteField(column);
        await csv.NextRecordAsync();
        foreach (var record in generator.Records(count))
        {
            foreach (var column in columns) csv.WriteField(record.GetValueOrDefault(column) ?? "");
            await csv.NextRecordAsync();
            written++;
        }
        return written;
    }

    private async Task<List<KnownHolder>> HoldersAsync(RegistryKind kind, int count, CancellationToken ct)
    {
        var description = records.Registries.Single(r => r.Kind == kind);
        using var file = new MemoryStream();
        await registries.GenerateAsync(description.Code, count, 1, ImportFormat.Csv, file, ct);
        file.Position = 0;
        using var reader = new StreamReader(file);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        await csv.ReadAsync();
        csv.ReadHeader();
        var holders = new List<KnownHolder>(count);
        while (await csv.ReadAsync())
            if (csv.GetField("status") is "living" or "active") holders.Add(new KnownHolder(csv.GetField(description.KeyField)!, csv.GetField("name")!));
        return holders;
    }
}

/// <summary>
/// First start and <c>tongban seed demo</c>: the demo region's library gets <c>Licenses:DemoHistoryRecords</c> (3,300)
/// generated historical records through the import, bad lines and all.
/// </summary>
internal sealed class HistoryPackImporter(LicensesDbContext db, LicenseHistory history, IOptions<LicensesOptions> options) : IRegionPackImporter
{
    public int Order => 60;

    public string Name => "license-history";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) => db.ImportRuns.AnyAsync(cancellationToken);

    public async Task<string> ImportAsync(RegionPack pack, CancellationToken cancellationToken)
    {
        var records = options.Value.DemoHistoryRecords;
        if (records <= 0) return "license-history: none asked for (Licenses:DemoHistoryRecords)";
        using var file = new MemoryStream();
        if (await history.GenerateAsync(records, 1, false, file, cancellationToken) == 0) return "license-history: no published license types";
        var bytes = file.ToArray();
        var summary = await history.ImportAsync(new HistoryImportRequest($"generated-licenses-seed1-{records}.csv", () => new MemoryStream(bytes, false), false, Actor.System),
            null, cancellationToken);
        return $"license-history: {summary.Imported} historical licenses imported, {summary.Rejected} lines rejected ({summary.Seconds:F1} s)";
    }
}
