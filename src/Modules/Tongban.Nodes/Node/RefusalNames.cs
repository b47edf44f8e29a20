using System.Reflection;
using Tongban.Kernel.Errors;

namespace Tongban.Nodes.Node;

/// <summary>
/// A reason code as a reader reads it: the bilingual message of the refusal that carries it (<see cref="CallRefusals"/>
/// and the configuration's refusals in <see cref="NodeErrors"/>), so the operations page never shows a code. A code
/// this version does not know (a node of a newer one) reads as "another reason".
/// </summary>
internal static class RefusalNames
{
    private static readonly Dictionary<string, (string Chinese, string English)> Known = typeof(CallRefusals)
        .GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(NodeRefusal))
        .Select(p => ((NodeRefusal)p.GetValue(null)!).Error)
        .Concat(typeof(NodeErrors).GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.PropertyType == typeof(DomainError))
            .Select(p => (DomainError)p.GetValue(null)!))
        .DistinctBy(e => e.Code).ToDictionary(e => e.Code, e => (e.Chinese, e.English));

    public static (string Chinese, string English) Of(string code) => Known.GetValueOrDefault(code, ("其他原因", "Another reason"));
}
