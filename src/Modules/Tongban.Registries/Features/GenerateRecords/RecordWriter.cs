using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tongban.Registries.Contracts;
using Tongban.Registries.Features.ImportRecords;

namespace Tongban.Registries.Features.GenerateRecords;

/// <summary>Writes records (cells in a format's field order) as an import file: CSV with a header of the field names, or JSON Lines.</summary>
internal static class RecordWriter
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static long Write(IEnumerable<string[]> records, RecordFormat format, ImportFormat fileFormat, Stream output, CancellationToken cancellationToken)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        var fields = format.Columns.Select(c => c.Field).ToArray();
        if (fileFormat == ImportFormat.Csv) writer.Write(string.Join(',', fields) + "\n");
        var buffer = new ArrayBufferWriter<byte>(1024);
        long count = 0;
        foreach (var record in records)
        {
            if ((++count & 0xFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (fileFormat == ImportFormat.Csv)
            {
                for (var i = 0; i < record.Length; i++)
                {
                    if (i > 0) writer.Write(',');
                    writer.Write(Csv(record[i]));
                }
                writer.Write('\n');
                continue;
            }
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer, JsonOptions))
            {
                json.WriteStartObject();
                for (var i = 0; i < record.Length; i++)
                {
                    if (record[i].Length == 0) continue;
                    if (fields[i] == "geometry") json.WritePropertyName(fields[i]);
                    if (fields[i] == "geometry") json.WriteRawValue(record[i]);
                    else json.WriteString(fields[i], record[i]);
                }
                json.WriteEndObject();
            }
            writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
            writer.Write('\n');
        }
        return count;
    }

    public static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
