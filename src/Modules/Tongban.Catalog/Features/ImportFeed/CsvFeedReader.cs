using System.Globalization;
using Microsoft.AspNetCore.Http;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Import;

namespace Tongban.Catalog.Features.ImportFeed;

/// <summary>
/// The CSV form of the provincial feed (docs/catalog-feed.md): items.csv, one item a line, and materials.csv,
/// one material a line keyed by implementation code. Read into the same records as the JSON form, so both go
/// through one import; errors name the CSV file, line and column.
/// </summary>
internal static class CsvFeedReader
{
    public static readonly string[] ItemColumns =
    [
        "basic_code", "implementation_code", "name", "type", "level", "division_code", "department_credit_code", "legal_basis",
        "subjects", "themes", "life_events", "statutory_limit", "promised_limit", "fees", "trips", "online_depth", "places", "steps",
        "consultation_phone", "complaint_phone", "real_name_level", "cross_region", "summary", "status", "status_reason",
    ];

    public static readonly string[] MaterialColumns =
    [
        "implementation_code", "name", "required", "condition", "form", "copies", "medium", "tolerable", "blank_form", "sample", "registry_fact", "license",
    ];

    /// <summary>The CSV form carries no issue date: its items take effect on the day of import.</summary>
    public static ParsedFeed Read(TextReader items, TextReader materials, string itemsSource, string materialsSource, bool complete)
    {
        var itemRows = CsvTable.Read(items, itemsSource, ItemColumns);
        var materialRows = CsvTable.Read(materials, materialsSource, MaterialColumns);
        var errors = new List<DomainError>();
        var byItem = materialRows.ToLookup(r => r["implementation_code"]);
        var codes = itemRows.Select(r => r["implementation_code"]).ToHashSet(StringComparer.Ordinal);
        foreach (var orphan in materialRows.Where(r => !codes.Contains(r["implementation_code"])))
            errors.Add(orphan.Error("implementation_code", new DomainError("feed.material_orphan", "没有这个实施编码的事项", "No item has this implementation code")));
        var feedItems = itemRows.Select(row => new FeedItem(
            row.Optional("basic_code"), row.Optional("implementation_code"), row.Optional("name"), row.Optional("type"), row.Optional("level"),
            row.Optional("division_code"), row.Optional("department_credit_code"), row.Optional("legal_basis"),
            List(row["subjects"]), List(row["themes"]), List(row["life_events"]),
            Number(row, "statutory_limit", errors), Number(row, "promised_limit", errors),
            [.. List(row["fees"]).Select(f => f.Split(';')).Select(f => new FeedFee(f[0], f.ElementAtOrDefault(1), f.ElementAtOrDefault(2)))],
            [.. byItem[row["implementation_code"]].Select(m => Material(m, errors))],
            Number(row, "trips", errors), Number(row, "online_depth", errors),
            [.. List(row["places"]).Select(p => p.Split(';')).Select(Place)],
            List(row["steps"]), row.Optional("consultation_phone"), row.Optional("complaint_phone"), Number(row, "real_name_level", errors),
            row.Optional("cross_region"), row.Optional("summary"), row.Optional("status"), row.Optional("status_reason"))).ToList();
        if (errors.Count > 0) throw new DomainException(errors);
        return new ParsedFeed(itemsSource, new FeedDocument(itemsSource, null, feedItems, [], complete), [.. itemRows.Select(r => r.Line)], complete);
    }

    /// <summary>"hall;window,window;hours", or "station:KEY;;hours" for a township or village station.</summary>
    private static FeedPlace Place(string[] parts) => parts[0].StartsWith("station:", StringComparison.Ordinal)
        ? new FeedPlace(null, [], parts.ElementAtOrDefault(2), parts[0]["station:".Length..])
        : new FeedPlace(parts[0], List(parts.ElementAtOrDefault(1) ?? "", ','), parts.ElementAtOrDefault(2));

    /// <summary>Reads an uploaded pair of files (admin page or API); their names become the sources errors name.</summary>
    public static async Task<ParsedFeed> ReadAsync(IFormFile items, IFormFile materials, bool complete, CancellationToken ct)
    {
        using var itemText = new StringReader(await TextAsync(items, ct));
        using var materialText = new StringReader(await TextAsync(materials, ct));
        return Read(itemText, materialText, Path.GetFileName(items.FileName), Path.GetFileName(materials.FileName), complete);
    }

    // The CSV parser reads synchronously, so an upload is read into memory first.
    private static async Task<string> TextAsync(IFormFile file, CancellationToken ct)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        return await reader.ReadToEndAsync(ct);
    }

    private static FeedMaterial Material(CsvRow row, List<DomainError> errors) => new(
        row.Optional("name"), row.Optional("required"), row.Optional("condition"), row.Optional("form"), Number(row, "copies", errors),
        row.Optional("medium"), row["tolerable"] is "true" or "1" or "是", row.Optional("blank_form"), row.Optional("sample"),
        row.Optional("registry_fact"), row.Optional("license"));

    private static List<string> List(string cell, char separator = '|') =>
        [.. cell.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static int? Number(CsvRow row, string column, List<DomainError> errors)
    {
        var text = row[column];
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)) return value;
        errors.Add(row.Error(column, new DomainError("feed.number", "应为整数", "A whole number is expected")));
        return null;
    }
}
