using System.Text;
using System.Text.Json;
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

    /// <summary>
    /// RFC 4180 CSV: fields separated by commas, a field in double quotes may hold commas, doubled quotes and line
    /// breaks. Read line by line (most lines have no quote at all and are just split), so line numbers are the file's.
    /// </summary>
    private static IEnumerable<SourceLine> Csv(Stream stream, RecordFormat record, string source)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var fields = new List<string>();
        long line = 0;
        string? text;
        do
        {
            text = reader.ReadLine();
            line++;
        }
        while (text is not null && string.IsNullOrWhiteSpace(text));
        if (text is null || !Split(reader, text, fields, ref line))
            throw new DomainException(new DomainError("csv.empty", $"{source} 是空文件", $"{source} is empty", Field: source));
        var header = fields.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var positions = record.Columns.Select(c => Array.IndexOf(header, c.Field)).ToArray();
        var missing = record.Columns.Where((c, i) => positions[i] < 0 && !record.OptionalFields.Contains(c.Field)).ToList();
        if (missing.Count > 0)
            throw new DomainException(missing.Select(c => new DomainError("csv.column_missing", $"{source} 缺少列“{c.Field}”",
                $"{source} lacks the column '{c.Field}'", Field: $"{source} line 1, {c.Field}")).ToList());
        while ((text = reader.ReadLine()) is not null)
        {
            var first = ++line;
            if (text.Length == 0 || string.IsNullOrWhiteSpace(text)) continue;
            if (!Split(reader, text, fields, ref line))
            {
                yield return new SourceLine(first, null, new RejectedLine(first, "(line)", "csv.quote", "引号未闭合", "A quoted field is not closed"));
                yield break;
            }
            var cells = new string?[positions.Length];
            for (var i = 0; i < positions.Length; i++)
                if (positions[i] >= 0 && positions[i] < fields.Count) cells[i] = fields[positions[i]];
            yield return new SourceLine(first, cells, null);
        }
    }

    /// <summary>Splits one record into <paramref name="fields"/>, reading on when a quoted field spans lines; false at an unclosed quote.</summary>
    private static bool Split(StreamReader reader, string text, List<string> fields, ref long line)
    {
        fields.Clear();
        if (!text.Contains('"', StringComparison.Ordinal))
        {
            var start = 0;
            for (var comma = text.IndexOf(',', StringComparison.Ordinal); comma >= 0; start = comma + 1, comma = text.IndexOf(',', start))
                fields.Add(text[start..comma]);
            fields.Add(text[start..]);
            return true;
        }
        var field = new StringBuilder();
        var position = 0;
        while (true)
        {
            field.Clear();
            if (position < text.Length && text[position] == '"')
            {
                position++;
                while (true)
                {
                    if (position >= text.Length)
                    {
                        if (reader.ReadLine() is not { } more) return false;
                        line++;
                        field.Append('\n');
                        text = more;
                        position = 0;
                        continue;
                    }
                    var c = text[position++];
                    if (c != '"') field.Append(c);
                    else if (position < text.Length && text[position] == '"') { field.Append('"'); position++; }
                    else break;
                }
                var comma = text.IndexOf(',', position);
                field.Append(text.AsSpan(position, (comma < 0 ? text.Length : comma) - position)); // anything after the closing quote
                fields.Add(field.ToString());
                if (comma < 0) return true;
                position = comma + 1;
            }
            else
            {
                var comma = text.IndexOf(',', position);
                fields.Add(text[position..(comma < 0 ? text.Length : comma)]);
                if (comma < 0) return true;
                position = comma + 1;
            }
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
