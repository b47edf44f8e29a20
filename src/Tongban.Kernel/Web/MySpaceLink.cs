using System.Security.Claims;

namespace Tongban.Kernel.Web;

/// <summary>
/// An entry a module contributes to "my space" (我的空间): a signed-in person's own pages — cases, drafts, messages,
/// licences, appointments, who read my data — listed in the site header's menu on every page and on the account page.
/// Register with <c>services.AddSingleton(new MySpaceLink(...))</c>; the shell lists them by <see cref="Order"/>, so a
/// module that lands later adds its entry without touching the layout.
/// </summary>
/// <param name="Id">The link's element id, for tests and for the skip to it; none when null.</param>
public sealed record MySpaceLink(string Href, string Chinese, string English, int Order = 100, string? Id = null)
{
    /// <summary>
    /// How many things wait there for the person (unread messages), asked each time the header is drawn; null when the
    /// entry has no count or it cannot be told, and then the link stands alone.
    /// </summary>
    public Func<IServiceProvider, ClaimsPrincipal, CancellationToken, Task<int?>>? Count { get; init; }
}
