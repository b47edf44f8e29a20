using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tongban.Web.Tests.Fuzzing;

/// <summary>One request to send: built afresh for each send (a body is read once).</summary>
internal sealed record FuzzRequest(string Method, string Url, string? MediaType, byte[]? Body, string What, (string Name, string Value)? Header = null)
{
    public HttpRequestMessage Message()
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(Url, UriKind.Relative));
        if (Body is not null) message.Content = new ByteArrayContent(Body) { Headers = { { "Content-Type", MediaType ?? "application/octet-stream" } } };
        if (Header is { } header) message.Headers.TryAddWithoutValidation(header.Name, header.Value);
        return message;
    }

    public override string ToString() => $"{Method} {Url} [{What}]";
}

/// <summary>
/// Malformed variants of an operation: odd path segments and query values, and bodies that are not what the schema
/// asks for — nulls, wrong types, huge values, broken or duplicated JSON, empty or odd uploads. Path and body values
/// the API handed out (<see cref="Samples"/>) stand in wherever a variant changes something else.
/// </summary>
internal sealed class MalformedRequests(ApiOperations document, Samples samples)
{
    /// <summary>Path segments, already escaped as they go on the wire (not %00: the test server refuses it before the app, as Kestrel does).</summary>
    internal static readonly string[] OddSegments =
        ["-1", "99999999999999999999", "..%2F..%2Fetc%2Fpasswd", "%E4%B8%AD%E6%96%87%F0%9F%98%80", new('a', 1500), "%20", "'%20OR%201%3D1--", "00000000-0000-0000-0000-000000000000"];

    internal static readonly string[] OddQueryValues =
        ["", "abc", "-2147483648", "2147483647", "99999999999999999999", new('q', 5000), "%00%FF%FE", "2026-13-45"];

    private static readonly string Huge = new('x', 100_000);

    public IEnumerable<FuzzRequest> For(ApiOperation operation, bool reduced)
    {
        var all = PathVariants(operation).Concat(QueryVariants(operation)).Concat(BodyVariants(operation));
        return reduced ? all.Where((_, i) => i % 7 == 0) : all;
    }

    private string Url(ApiOperation operation, string? oddParameter = null, string? oddValue = null, string query = "")
    {
        var path = operation.Path;
        foreach (var p in operation.In("path"))
        {
            var value = p.Name == oddParameter ? oddValue! : Uri.EscapeDataString(samples.ForPath(operation.Path, p.Name) ?? "x");
            path = path.Replace($"{{{p.Name}}}", value, StringComparison.Ordinal);
        }
        return path + query;
    }

    private FuzzRequest Request(ApiOperation operation, string url, string what, string? mediaType = null, byte[]? body = null) =>
        new(operation.Method, url, mediaType ?? operation.BodyType, body ?? (operation.BodyType is null ? null : SampleBody(operation)), what);

    private IEnumerable<FuzzRequest> PathVariants(ApiOperation operation)
    {
        yield return Request(operation, Url(operation), "sample values");
        foreach (var p in operation.In("path"))
            foreach (var odd in OddSegments)
                yield return Request(operation, Url(operation, p.Name, odd), $"path {p.Name}");
    }

    private IEnumerable<FuzzRequest> QueryVariants(ApiOperation operation)
    {
        foreach (var p in operation.In("query"))
            foreach (var odd in OddQueryValues)
                yield return Request(operation, Url(operation, query: $"?{p.Name}={odd}"), $"query {p.Name}");
        foreach (var p in operation.In("header"))
            yield return Request(operation, Url(operation), $"header {p.Name}") with { Header = (p.Name, new string('h', 3000)) };
    }

    private byte[]? SampleBody(ApiOperation operation) => operation.BodyType switch
    {
        "application/json" => Encoding.UTF8.GetBytes(Sample(operation.BodySchema ?? default, null, 0)?.ToJsonString() ?? "{}"),
        "multipart/form-data" => null,
        _ => Encoding.UTF8.GetBytes("a,b\n1,2\n"),
    };

    private IEnumerable<FuzzRequest> BodyVariants(ApiOperation operation)
    {
        if (operation.BodyType is null) return [];
        return operation.BodyType switch
        {
            "application/json" => JsonVariants(operation),
            "multipart/form-data" => UploadVariants(operation),
            _ => [.. new[] { "", "\0\0\0", "\"unclosed,\n" + Huge, "a;b;c\r\n\r\n,,,," }.Select(b => Request(operation, Url(operation), $"{operation.BodyType} body", body: Encoding.UTF8.GetBytes(b)))],
        };
    }

    private IEnumerable<FuzzRequest> JsonVariants(ApiOperation operation)
    {
        string[] whole = ["null", "{}", "[]", "\"text\"", "0", "{", "{\"a\":1,\"a\":2}", "", "[" + new string('[', 5000)];
        foreach (var body in whole)
            yield return Request(operation, Url(operation), $"body {body[..Math.Min(body.Length, 12)]}", body: Encoding.UTF8.GetBytes(body));
        yield return Request(operation, Url(operation), "body as text/plain", "text/plain");
        if (Sample(operation.BodySchema ?? default, null, 0) is not JsonObject sample) yield break;
        foreach (var (path, replacement) in Mutations(sample, operation.BodySchema ?? default, "", 0))
            yield return Request(operation, Url(operation), $"body {path} = {Short(replacement)}", body: Encoding.UTF8.GetBytes(With(sample, path, replacement).ToJsonString()));
    }

    private IEnumerable<FuzzRequest> UploadVariants(ApiOperation operation)
    {
        var boundary = "fuzz-boundary";
        string Form(string name, string file, string content) =>
            $"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file}\"\r\nContent-Type: application/octet-stream\r\n\r\n{content}\r\n--{boundary}--\r\n";
        var media = $"multipart/form-data; boundary={boundary}";
        yield return Request(operation, Url(operation), "empty form", media, Encoding.UTF8.GetBytes($"--{boundary}--\r\n"));
        yield return Request(operation, Url(operation), "empty file", media, Encoding.UTF8.GetBytes(Form("file", "a.pdf", "")));
        yield return Request(operation, Url(operation), "odd file name", media, Encoding.UTF8.GetBytes(Form("file", "../../" + new string('n', 300) + ".exe", "MZ")));
        yield return Request(operation, Url(operation), "other field", media, Encoding.UTF8.GetBytes(Form("items", "x.csv", "\"a,b\n")));
        yield return Request(operation, Url(operation), "broken multipart", media, Encoding.UTF8.GetBytes($"--{boundary}\r\nContent-Disposition: form-data"));
        yield return Request(operation, Url(operation), "JSON instead of a form", "application/json", "{}"u8.ToArray());
    }

    private static string Short(JsonNode? node) => node?.ToJsonString() is { } s ? s[..Math.Min(s.Length, 24)] : "null";

    private static JsonNode With(JsonObject sample, string path, JsonNode? replacement)
    {
        var copy = sample.DeepClone().AsObject();
        var parts = path.Split('.', StringSplitOptions.RemoveEmptyEntries);
        JsonNode target = copy;
        foreach (var part in parts[..^1]) target = target[part]!;
        target[parts[^1]] = replacement;
        return copy;
    }

    /// <summary>For each member (and the members of member objects): null, a value of the wrong type, and a huge or hollow one.</summary>
    private IEnumerable<(string Path, JsonNode? Value)> Mutations(JsonObject sample, JsonElement schema, string prefix, int depth)
    {
        var properties = document.Resolve(schema) is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("properties", out var p) ? p : default;
        foreach (var (name, value) in sample.ToList())
        {
            var path = $"{prefix}.{name}";
            yield return (path, null);
            yield return (path, value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? JsonValue.Create(12345) : JsonValue.Create("wrong type"));
            yield return (path, value switch
            {
                JsonArray => new JsonArray(null, JsonValue.Create("")),
                JsonObject => new JsonObject { [""] = null },
                JsonValue n when n.GetValueKind() == JsonValueKind.Number => JsonNode.Parse("99999999999999999999999"),
                _ => JsonValue.Create(Huge),
            });
            if (value is JsonObject inner && depth < 2 && properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var innerSchema))
                foreach (var m in Mutations(inner, innerSchema, path, depth + 1)) yield return m;
        }
    }

    /// <summary>A value of the schema's shape, with sampled values for members the API names.</summary>
    private JsonNode? Sample(JsonElement schema, string? name, int depth)
    {
        schema = document.Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object || depth > 4) return null;
        if (schema.TryGetProperty("enum", out var values)) return JsonValue.Create(values[0].ToString());
        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("allOf", out oneOf))
            return oneOf.EnumerateArray().Select(o => Sample(o, name, depth + 1)).FirstOrDefault(n => n is not null);
        var type = schema.TryGetProperty("type", out var t) ? (t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(x => x.GetString()).First(x => x != "null") : t.GetString()) : "object";
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "string" when format == "date" => JsonValue.Create("2026-12-01"),
            "string" when format == "date-time" => JsonValue.Create("2026-12-01T08:00:00Z"),
            "string" when format == "uuid" => JsonValue.Create(samples.First(name ?? "id", Guid.NewGuid().ToString())),
            "string" => JsonValue.Create(samples.First(name ?? "", "样例")),
            "integer" or "number" => JsonValue.Create(1),
            "boolean" => JsonValue.Create(true),
            "array" => new JsonArray(schema.TryGetProperty("items", out var items) ? Sample(items, name, depth + 1) : null),
            _ => Object(schema, depth),
        };
    }

    private JsonObject Object(JsonElement schema, int depth)
    {
        var result = new JsonObject();
        if (schema.TryGetProperty("properties", out var properties))
            foreach (var property in properties.EnumerateObject()) result[property.Name] = Sample(property.Value, property.Name, depth + 1);
        else if (schema.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.Object)
            result["key"] = Sample(additional, "key", depth + 1);
        return result;
    }
}
