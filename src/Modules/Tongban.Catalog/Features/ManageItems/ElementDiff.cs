using System.Text.Json;
using System.Text.Json.Nodes;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;

namespace Tongban.Catalog.Features.ManageItems;

internal sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Field-by-field differences between two versions' elements, as the guide's JSON document reads.</summary>
internal static class ElementDiff
{
    public static IReadOnlyList<FieldChange> Between(ItemElements before, ItemElements after)
    {
        var a = JsonSerializer.SerializeToNode(before, CatalogDbContext.ElementJson)!.AsObject();
        var b = JsonSerializer.SerializeToNode(after, CatalogDbContext.ElementJson)!.AsObject();
        return a.Select(p => p.Key).Union(b.Select(p => p.Key))
            .Select(key => (key, Before: Text(a[key]), After: Text(b[key])))
            .Where(x => x.Before != x.After)
            .Select(x => new FieldChange(x.key, x.Before, x.After))
            .ToList();
    }

    private static string? Text(JsonNode? node) => node?.ToJsonString(CatalogDbContext.ElementJson);
}
