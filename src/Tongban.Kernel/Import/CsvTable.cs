using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Tongban.Kernel.Errors;

namespace Tongban.Kernel.Import;

/// <summary>One data row of a CSV file with its line number (the header is line 1).</summary>
public sealed record CsvRow(string Source, int Line, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var v) ? v.Trim() : "";

    public string? Optional(string column) => this[column] is { Length: > 0 } v ? v : null;

    public DomainError Error(string column, DomainError error) => error.At($"{Source} line {Line}, {column}") with
    {
        Chinese = $"{Source} 第{Line}行 {column}：{error.Chinese}",
        English = $"{Source} line {Line}, {column}: {error.English}",
    };
}

/// <summary>Reads a whole CSV file into rows; a missing column is refused before any row is looked at.</summary>
public static class CsvTable
{
    public static IReadOnlyList<CsvRow> Read(TextReader reader, string source, params string[] requiredColumns)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, BadDataFound = null };
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
            throw new DomainException(new DomainError("csv.empty", $"{source} 是空文件", $"{source} is empty", Field: source));
        var header = csv.HeaderRecord!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var missing = requiredColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
            throw new DomainException(missing.Select(c => new DomainError("csv.column_missing",
                $"{source} 缺少列“{c}”", $"{source} lacks the column '{c}'", Field: $"{source} line 1, {c}")).ToList());
        var rows = new List<CsvRow>();
        while (csv.Read())
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++) cells[header[i]] = csv.TryGetField<string>(i, out var v) ? v ?? "" : "";
            if (cells.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new CsvRow(source, csv.Parser.RawRow, cells));
        }
        return rows;
    }

    public static DateOnly? Date(CsvRow row, string column, List<DomainError> errors)
    {
        var text = row[column];
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(row.Error(column, new DomainError("csv.date", "日期格式应为YYYY-MM-DD", "Dates are written YYYY-MM-DD")));
        return null;
    }
}
