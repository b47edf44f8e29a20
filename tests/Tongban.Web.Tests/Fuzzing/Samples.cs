using System.Text.Json;

namespace Tongban.Web.Tests.Fuzzing;

/// <summary>
/// Real values the API itself hands out (codes, slugs, ids, case numbers), gathered from its list answers, so a
/// malformed request reaches past "not found" into the handler. Keyed by JSON member name, without case.
/// </summary>
internal sealed class Samples
{
    private const int PerName = 3;

    /// <summary>Where a path parameter's values come from when the answers name them otherwise.</summary>
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = ["implementationCode", "code"],
        ["resource"] = ["code"],
        ["number"] = ["number", "caseNumber"],
        ["registry"] = ["registry", "key"],
        ["itemCode"] = ["implementationCode"],
        ["bundleCode"] = ["bundleCode"],
    };

    private readonly Dictionary<string, List<string>> _values = new(StringComparer.OrdinalIgnoreCase)
    {
        // Not listed by any answer (never shown in full): the demo region's citizen and a county division.
        ["idNumber"] = ["211221196805129013"],
        ["divisionCode"] = ["211221000000"],
        ["action"] = ["accept", "reject", "dismiss"],
    };

    public void Gather(JsonElement answer, string? name = null)
    {
        switch (answer.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in answer.EnumerateObject()) Gather(member.Value, member.Name);
                break;
            case JsonValueKind.Array:
                foreach (var element in answer.EnumerateArray().Take(5)) Gather(element, name);
                break;
            case JsonValueKind.String when name is not null && answer.GetString() is { Length: > 0 and < 80 } value:
                var list = _values.TryGetValue(name, out var found) ? found : _values[name] = [];
                if (list.Count < PerName && !list.Contains(value)) list.Add(value);
                break;
        }
    }

    /// <summary>Known values for a parameter or member name, the name's own first, then its aliases'.</summary>
    public IReadOnlyList<string> For(string name) =>
        [.. new[] { name }.Concat(Aliases.GetValueOrDefault(name) ?? []).SelectMany(n => _values.GetValueOrDefault(n) ?? []).Distinct().Take(PerName)];

    public string First(string name, string fallback) => For(name) is [var first, ..] ? first : fallback;

    /// <summary>
    /// A value for a path parameter, chosen by the collection it follows (<c>/items/{code}</c> is an item's code,
    /// <c>/divisions/{code}</c> a division's), else by its name.
    /// </summary>
    public string? ForPath(string template, string name)
    {
        var segments = template.Split('/');
        var at = Array.IndexOf(segments, $"{{{name}}}");
        var collection = at > 0 ? segments[at - 1] : "";
        var member = collection switch
        {
            "items" => "implementationCode",
            "halls" => "slug",
            "stations" or "materials" => "key",
            "cases" => "number",
            "templates" => "event",
            _ => null,
        };
        return (member is null ? [] : For(member)).Concat(For(name)).FirstOrDefault();
    }
}
