using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tongban.Kernel.Keys;

/// <summary>
/// RFC 8785 JSON Canonicalization Scheme, the bytes a signed JSON document (a node configuration, a message header) is signed over: object members sorted by their names' UTF-16 code units, no whitespace,
/// strings escaped as ECMAScript's JSON.stringify does (only '"', '\', and control characters; \b \f \n \r \t by
/// name, others as \u00xx in lower-case hex; everything else literal UTF-8). Numbers: integers within ±2^53 only —
/// license data are strings, and refusing other numbers avoids ECMAScript's double formatting altogether.
/// </summary>
public static class CanonicalJson
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Serialize(JsonNode? node) => Strict.GetBytes(Text(node));

    public static string Text(JsonNode? node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder b, JsonNode? node)
    {
        switch (node)
        {
            case null:
                b.Append("null");
                break;
            case JsonObject obj:
                b.Append('{');
                var first = true;
                foreach (var (name, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (!first) b.Append(',');
                    first = false;
                    WriteString(b, name);
                    b.Append(':');
                    Write(b, value);
                }
                b.Append('}');
                break;
            case JsonArray array:
                b.Append('[');
                for (var i = 0; i < array.Count; i++)
                {
                    if (i > 0) b.Append(',');
                    Write(b, array[i]);
                }
                b.Append(']');
                break;
            case JsonValue value:
                WriteValue(b, value);
                break;
        }
    }

    private static void WriteValue(StringBuilder b, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(b, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                b.Append("true");
                break;
            case JsonValueKind.False:
                b.Append("false");
                break;
            case JsonValueKind.Number when long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                                            && Math.Abs(n) <= 9007199254740991L:
                b.Append(n.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                throw new NotSupportedException("Only strings, booleans, null and integers within ±2^53 are canonicalised here.");
        }
    }

    private static void WriteString(StringBuilder b, string s)
    {
        b.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': b.Append("\\\""); break;
                case '\\': b.Append("\\\\"); break;
                case '\b': b.Append("\\b"); break;
                case '\f': b.Append("\\f"); break;
                case '\n': b.Append("\\n"); break;
                case '\r': b.Append("\\r"); break;
                case '\t': b.Append("\\t"); break;
                case < ' ': b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: b.Append(c); break;
            }
        }
        b.Append('"');
    }
}
