using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Tongban.Kernel.Errors;
using Tongban.Registries.Contracts;

namespace Tongban.Registries.Features.ImportRecords;

/// <summary>One record of a file: its line number and its cells in the format's column order (null where absent), or why it could not be read.</summary>
internal readonly record struct SourceLine(long Line, string?[]? Cells, RejectedLine? Unreadable);

/// <summary>Streams the records of a CSV or JSON Lines file into cells in a format's column order.</summary>
internal static class LineSource
{
    public static IEnumerable<SourceLine> Read(Stream stream, ImportFormat format, RecordFormat record, string source) =>
        format == ImportFormat.Csv ? Csv(stream, record, source) : JsonLines(stream, record);

    private static IEnumerable<SourceLine> Csv(Stream stream, RecordFormat record, string source)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, IgnoreBlankLines = true };
        using var parser = new CsvParser(reader, config);
        if (!parser.Read())
            throw new DomainException(new DomainError("csv.empty", $"{source} 是空文件", $"{source} is empty", Field: source));
        var header = parser.Record!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var positions = record.Columns.Select(c => Array.IndexOf(header, c.Field)).ToArray();
        var missing = record.Columns.Where((c, i) => positions[i] < 0 && !record.OptionalFields.Contains(c.Field)).ToList();
        if (missing.Count > 0)
            throw new DomainException(missing.Select(c => new DomainError("csv.column_missing", $"{source} 缺少列“{c.Field}”",
                $"{source} lacks the column '{c.Field}'", Field: $"{source} line 1, {c.Field}")).ToList());
        while (parser.Read())
        {
            var cells = new string?[positions.Length];
            var count = parser.Count;
            for (var i = 0; i < positions.Length; i++)
                if (positions[i] >= 0 && positions[i] < count) cells[i] = parser[positions[i]];
            yield return new SourceLine(parser.RawRow, cells, null);
        }
    }

    private static IEnumerable<SourceLine> JsonLines(Stream stream, RecordFormat record)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var index = record.Columns.Select((c, i) => (c.Field, i)).ToDictionary(c => c.Field, c => c.i, StringComparer.Ordinal);
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            yield return Parse(line, text, index);
        }
    }

    private static SourceLine Parse(long line, string text, Dictionary<string, int> index)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return Unreadable(line);
            var cells = new string?[index.Count];
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (!index.TryGetValue(property.Name, out var i)) continue;
                cells[i] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => property.Value.GetRawText(),
                };
            }
            return new SourceLine(line, cells, null);
        }
        catch (JsonException)
        {
            return Unreadable(line);
        }
    }

    private static SourceLine Unreadable(long line) => new(line, null,
        new RejectedLine(line, "(line)", "jsonl.syntax", "此行不是一个JSON对象", "This line is not one JSON object"));
}
