using System.Text.Json;

namespace Tongban.Web.Tests.Fuzzing;

internal sealed record ApiParameter(string Name, string In, JsonElement Schema);

/// <summary>One operation of the OpenAPI document: its method, path template, parameters and body (media type and schema).</summary>
internal sealed record ApiOperation(string Method, string Path, IReadOnlyList<ApiParameter> Parameters, string? BodyType, JsonElement? BodySchema)
{
    public IEnumerable<ApiParameter> In(string where) => Parameters.Where(p => p.In == where);

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>Reads <c>/openapi/v1.json</c> into operations, resolving <c>$ref</c>s against its components.</summary>
internal sealed class ApiOperations(JsonElement document)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public IReadOnlyList<ApiOperation> All()
    {
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject().Where(m => Methods.Contains(m.Name)))
            {
                var parameters = method.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => new ApiParameter(p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!, Resolve(p.TryGetProperty("schema", out var s) ? s : default))).ToList()
                    : [];
                var (type, schema) = Body(method.Value);
                operations.Add(new ApiOperation(method.Name.ToUpperInvariant(), path.Name, parameters, type, schema));
            }
        }
        // Reads first, so the samples they give are there before anything changes; removals last.
        return [.. operations.OrderBy(o => o.Method switch { "GET" => 0, "DELETE" => 2, _ => 1 })];
    }

    /// <summary>A schema with its <c>$ref</c> followed (one level; nested refs are followed as the generator walks).</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("$ref", out var reference)) return schema;
        var name = reference.GetString()!.Split('/')[^1];
        return document.GetProperty("components").GetProperty("schemas").TryGetProperty(name, out var target) ? target : default;
    }

    private (string?, JsonElement?) Body(JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content)) return (null, null);
        var first = content.EnumerateObject().First();
        return (first.Name, first.Value.TryGetProperty("schema", out var schema) ? Resolve(schema) : null);
    }
}
