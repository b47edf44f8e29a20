using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Import;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;
using Tongban.Organization.Features.ManageDivisions;

namespace Tongban.Organization.Features.ImportRegionPack;

/// <summary>
/// Loads a region pack's organisation files (divisions.csv, departments.csv, halls.json, windows.csv,
/// stations.csv, station_staff.csv). Every file is checked before anything is written; any error names its
/// file, line and field, and then nothing of the pack is applied (one SaveChanges, one transaction).
/// </summary>
internal sealed class OrganizationPackImporter(OrganizationDbContext db, ImportDivisions divisions, TimeProvider clock) : IRegionPackImporter
{
    public int Order => 10;

    public string Name => "organization";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) => db.Divisions.AnyAsync(cancellationToken);

    public async Task<string> ImportAsync(RegionPack pack, CancellationToken cancellationToken)
    {
        var errors = new List<DomainError>();
        var newDivisions = await Collect(errors, () => Open(pack, "divisions.csv", r => divisions.ParseAsync(r, "divisions.csv", cancellationToken)));
        var known = (newDivisions ?? []).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        known.UnionWith(await db.Divisions.Select(d => d.Code).ToListAsync(cancellationToken));

        var departments = Collect(errors, () => ReadCsv(pack, "departments.csv", ["credit_code", "name", "name_en", "division_code", "phone", "address"])
            .Select(row => Guard(row, "credit_code", errors, () =>
            {
                var d = Department.Create(new DepartmentDetails(row["credit_code"], row["name"], row.Optional("name_en"), row["division_code"], row.Optional("phone"), row.Optional("address")));
                return known.Contains(d.DivisionCode) ? d : throw Unknown("division_code", d.DivisionCode);
            })).OfType<Department>().ToList());
        var extras = new Dictionary<string, List<ExtraSession>>(StringComparer.Ordinal);
        var halls = Collect(errors, () =>
        {
            using var stream = File.OpenRead(pack.PathOf("halls.json"));
            return HallFile.Read(stream, "halls.json").Select(h =>
            {
                if (h.Extra is { Count: > 0 }) extras[h.Slug] = h.Extra;
                return Hall.Create(h.Slug, h.Profile);
            }).ToList();
        });
        var stations = Collect(errors, () => ReadStations(pack, known, errors));
        if (departments is not null && halls is not null)
        {
            Collect(errors, () => OpenWindows(pack, departments, halls, errors));
            // Extra sessions name windows, so they are set once the windows are open.
            foreach (var hall in halls.Where(h => extras.ContainsKey(h.Slug)))
                Collect(errors, () =>
                {
                    try
                    {
                        hall.SetExtraSessions(extras[hall.Slug]);
                        return hall;
                    }
                    catch (DomainException ex)
                    {
                        var where = $"halls.json {hall.Slug} extraSessions";
                        throw new DomainException([.. ex.Errors.Select(e => e with { Field = $"{where}, {e.Field}", Chinese = $"{where}：{e.Chinese}", English = $"{where}: {e.English}" })]);
                    }
                });
        }
        errors.AddRange(Duplicates(departments, d => d.CreditCode, "departments.csv", "credit_code"));
        errors.AddRange(Duplicates(halls, h => h.Slug, "halls.json", "slug"));
        if (errors.Count > 0) throw new DomainException(errors);

        db.Divisions.AddRange(newDivisions!);
        db.Departments.AddRange(departments!);
        db.Halls.AddRange(halls!);
        db.Stations.AddRange(stations!);
        var summary = $"organization: {newDivisions!.Count} divisions, {departments!.Count} departments, {halls!.Count} halls, "
            + $"{halls.Sum(h => h.Windows.Count)} windows, {stations!.Count} stations";
        db.Audit(new AuditRecord(Actor.System, "organization.region_pack_imported", $"region:{pack.Name}", summary, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return summary;
    }

    private static List<CsvRow> ReadCsv(RegionPack pack, string file, string[] columns)
    {
        using var reader = new StreamReader(pack.PathOf(file));
        return CsvTable.Read(reader, file, columns).ToList();
    }

    private static async Task<T> Open<T>(RegionPack pack, string file, Func<TextReader, Task<T>> read)
    {
        using var reader = new StreamReader(pack.PathOf(file));
        return await read(reader);
    }

    private static List<Station> ReadStations(RegionPack pack, HashSet<string> divisions, List<DomainError> errors)
    {
        var staff = ReadCsv(pack, "station_staff.csv", ["station_key", "name", "role", "phone"]).ToLookup(r => r["station_key"]);
        var rows = ReadCsv(pack, "stations.csv", ["key", "name", "kind", "division_code", "address", "phone", "hours"]);
        foreach (var orphan in staff.Where(g => rows.All(r => r["key"] != g.Key)).SelectMany(g => g))
            errors.Add(orphan.Error("station_key", new DomainError("station.unknown", $"站点“{orphan["station_key"]}”不存在", $"Station '{orphan["station_key"]}' does not exist")));
        var stations = rows.Select(row => Guard(row, "key", errors, () =>
        {
            var kind = row["kind"] switch
            {
                "yizhan" => StationKind.Yizhan,
                "service-point" => StationKind.ServicePoint,
                _ => throw new DomainException(new DomainError("station.kind", "类型应为yizhan或service-point", "The kind is yizhan or service-point", Field: "kind")),
            };
            var people = staff[row["key"]].Select(s => new StationStaff(s["name"], s["role"], s.Optional("phone"))).ToList();
            var station = Station.Create(row["key"], new StationDetails(row["name"], kind, row["division_code"], row.Optional("address"), row.Optional("phone"), row.Optional("hours"), people));
            return divisions.Contains(station.DivisionCode) ? station : throw Unknown("division_code", station.DivisionCode);
        })).OfType<Station>().ToList();
        errors.AddRange(Duplicates(stations, s => s.Key, "stations.csv", "key"));
        return stations;
    }

    private static string OpenWindows(RegionPack pack, List<Department> departments, List<Hall> halls, List<DomainError> errors)
    {
        var rows = ReadCsv(pack, "windows.csv", ["hall_slug", "number", "department_credit_code", "name", "name_en"]);
        foreach (var row in rows)
        {
            Guard(row, "number", errors, () =>
            {
                var hall = halls.SingleOrDefault(h => h.Slug == row["hall_slug"]) ?? throw Unknown("hall_slug", row["hall_slug"]);
                var department = departments.SingleOrDefault(d => string.Equals(d.CreditCode, row["department_credit_code"], StringComparison.OrdinalIgnoreCase))
                    ?? throw Unknown("department_credit_code", row["department_credit_code"]);
                return hall.OpenWindow(row["number"], department.Id, row["name"], row.Optional("name_en"));
            });
        }
        return $"{rows.Count} windows";
    }

    /// <summary>Builds one row's object; a broken rule is added to <paramref name="errors"/> with the row's line.</summary>
    private static T? Guard<T>(CsvRow row, string column, List<DomainError> errors, Func<T> create) where T : class
    {
        try
        {
            return create();
        }
        catch (DomainException ex)
        {
            errors.AddRange(ex.Errors.Select(e => row.Error(e.Field ?? column, e)));
            return null;
        }
    }

    /// <summary>Runs one file's reading; its errors join the pack's list instead of stopping at the first file.</summary>
    private static T? Collect<T>(List<DomainError> errors, Func<T> read) where T : class
    {
        try
        {
            return read();
        }
        catch (DomainException ex)
        {
            errors.AddRange(ex.Errors);
            return null;
        }
        catch (FileNotFoundException ex)
        {
            errors.Add(new DomainError("pack.file_missing", $"区域数据包缺少文件{Path.GetFileName(ex.FileName)}", $"The region pack lacks {Path.GetFileName(ex.FileName)}"));
            return null;
        }
    }

    private static async Task<T?> Collect<T>(List<DomainError> errors, Func<Task<T>> read) where T : class
    {
        try
        {
            return await read();
        }
        catch (DomainException ex)
        {
            errors.AddRange(ex.Errors);
            return null;
        }
    }

    private static DomainException Unknown(string field, string value) =>
        new(new DomainError("pack.reference_unknown", $"引用的{field}“{value}”不存在", $"The {field} '{value}' it refers to does not exist", Field: field));

    private static IEnumerable<DomainError> Duplicates<T>(List<T>? items, Func<T, string> key, string file, string field) =>
        (items ?? []).Where(i => i is not null).GroupBy(key).Where(g => g.Count() > 1)
            .Select(g => new DomainError("pack.duplicate", $"{file}中{field}“{g.Key}”重复", $"{file} repeats {field} '{g.Key}'", ErrorKind.Conflict, $"{file}, {field}"));
}
