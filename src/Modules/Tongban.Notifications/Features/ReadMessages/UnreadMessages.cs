using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Tongban.Notifications.Contracts;

namespace Tongban.Notifications.Features.ReadMessages;

internal sealed class UnreadMessages(Inbox inbox, ILogger<UnreadMessages> logger) : IUnreadMessages
{
    public async Task<int?> CountAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (SignedInAccount.IdOf(user) is not { } account) return null;
        try
        {
            return await inbox.UnreadAsync(account, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The layout renders every page, error pages included: a count is not worth failing one.
            logger.LogWarning(ex, "Counting unread messages failed");
            return null;
        }
    }
}
