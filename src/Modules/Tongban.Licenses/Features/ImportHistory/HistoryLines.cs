using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Tongban.Kernel.Errors;

namespace Tongban.Licenses.Features.ImportHistory;

/// <summary>One record of a historical file: its line, its non-empty cells by column name, or why it could not be read.</summary>
internal sealed record HistoryLine(long Line, Dictionary<string, string> Cells, string? Unreadable = null);

/// <summary>Streams a historical file's records: CSV (RFC 4180, CsvHelper) or JSON Lines (flat objects).</summary>
internal static class HistoryLines
{
    public static readonly string[] Required = ["type_code", "issuer_code", "number", "holder_code", "holder_name", "issued_on"];

    public static IEnumerable<HistoryLine> Read(Stream stream, bool jsonLines, string source) => (jsonLines ? Json(stream) : Csv(stream, source)).Select(Scrub);

    /// <summary>
    /// A NUL in a name or value (a binary file, a wrong encoding) is a text no database column takes (PostgreSQL refuses
    /// it): the line is unreadable, its text kept with U+FFFD in place of each NUL so the rejection can be stored and shown.
    /// </summary>
    public static HistoryLine Scrub(HistoryLine line)
    {
        if (!line.Cells.Any(c => c.Key.Contains('\0', StringComparison.Ordinal) || c.Value.Contains('\0', StringComparison.Ordinal))) return line;
        var cells = line.Cells.ToDictionary(c => c.Key.Replace('\0', '\uFFFD'), c => c.Value.Replace('\0', '\uFFFD'), StringComparer.Ordinal);
        return new HistoryLine(line.Line, cells, line.Unreadable ?? Control);
    }

    /// <summary>Why a line is unreadable: it holds a NUL (else: not JSON, or not a JSON object).</summary>
    public const string Control = "control";

    private static IEnumerable<HistoryLine> Csv(Stream stream, string source)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, MissingFieldFound = null, DetectColumnCountChanges = false });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
            throw new DomainException(new DomainError("import.empty", $"{source} 是空文件", $"{source} is empty", Field: "file"));
        var names = header.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var missing = Required.Where(r => !names.Contains(r, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
            throw new DomainException(missing.Select(m => new DomainError("import.column_missing", $"{source} 缺少列“{m}”", $"{source} lacks the column '{m}'", Field: "file")).ToList());
        while (csv.Read())
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < names.Length; i++)
                if (csv.TryGetField<string>(i, out var value) && !string.IsNullOrWhiteSpace(value)) cells[names[i]] = value.Trim();
            if (cells.Count > 0) yield return new HistoryLine(csv.Parser.RawRow, cells);
        }
    }

    private static IEnumerable<HistoryLine> Json(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text)) yield return Parse(line, text);
        }
    }

    private static HistoryLine Parse(long line, string text)
    {
        var cells = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object) return new HistoryLine(line, cells, "not_object");
            foreach (var property in document.RootElement.EnumerateObject())
            {
                var value = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    JsonValueKind.Object or JsonValueKind.Array => null,
                    _ => property.Value.GetRawText(),
                };
                if (!string.IsNullOrWhiteSpace(value)) cells[property.Name] = value.Trim();
            }
            return new HistoryLine(line, cells);
        }
        catch (JsonException)
        {
            return new HistoryLine(line, cells, "not_json");
        }
    }
}
