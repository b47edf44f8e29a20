using System.Security.Claims;
using Tongban.Kernel.Security;
using Tongban.Kernel.Web;

namespace Tongban.Web.Shell;

/// <summary>One entry of "my space" as the header draws it: the link and, where the module counts something, the count.</summary>
public sealed record MySpaceEntry(MySpaceLink Link, int? Count);

/// <summary>The entries modules contributed (<see cref="MySpaceLink"/>), in order, with their counts for the signed-in person.</summary>
public sealed class MySpace(IEnumerable<MySpaceLink> links, IServiceProvider services)
{
    public async Task<IReadOnlyList<MySpaceEntry>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var entries = new List<MySpaceEntry>();
        foreach (var link in links.DistinctBy(l => l.Href).OrderBy(l => l.Order))
            entries.Add(new(link, link.Count is { } count ? await count(services, user, ct) : null));
        return entries;
    }

    /// <summary>Whether the person works in any staff role, so the header offers the administration area.</summary>
    public static bool IsStaff(ClaimsPrincipal user) => Policies.All.Any(p => user.IsInRole(p.Role));

    /// <summary>Everything waiting in my space (the count on the menu button when it is closed).</summary>
    public static int Waiting(IReadOnlyList<MySpaceEntry> entries) => entries.Sum(e => e.Count ?? 0);
}
