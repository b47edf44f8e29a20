using Tongban.Kernel.Security;

namespace Tongban.Catalog.Domain;

/// <summary>One step of handling a case after acceptance, done by a holder of <see cref="Role"/> (a <see cref="Policies"/> name).</summary>
internal sealed record HandlingStep(string Key, string NameZh, string NameEn, string Role)
{
    /// <summary>The process of an item that defines none: a reviewer reviews, an approver decides.</summary>
    public static readonly IReadOnlyList<HandlingStep> Default =
    [
        new("review", "审查", "Review", Policies.Reviewer),
        new("decide", "决定", "Decision", Policies.Approver),
    ];

    /// <summary>The roles a handling step may name: those who handle cases, not those who run the platform.</summary>
    public static readonly IReadOnlySet<string> Roles = new HashSet<string>(StringComparer.Ordinal)
    {
        Policies.WindowClerk, Policies.StationAgent, Policies.Reviewer, Policies.Approver, Policies.LegalityReviewer, Policies.Leader,
    };
}
