using System.Security.Claims;

namespace Tongban.Notifications.Contracts;

/// <summary>For the site header's "messages" link: how many in-app messages the signed-in person has not read.</summary>
public interface IUnreadMessages
{
    /// <summary>The count, or null when it cannot be told (no personal account, or the database not reachable): the header then shows the link alone.</summary>
    Task<int?> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken);
}
