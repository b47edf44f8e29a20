using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tongban.Notifications.Features.ReadMessages;

internal static class MessageEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/messages").RequireAuthorization();
        messages.MapGet("/", async (Inbox inbox, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await inbox.ReadAsync(user, ct)))
            .WithSummary("My in-app messages, newest first (100), with the unread count");
        messages.MapPost("/{id:guid}/read", async (Guid id, Inbox inbox, ClaimsPrincipal user, CancellationToken ct) =>
            {
                await inbox.MarkReadAsync(user, id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Mark one of my messages read; another person's message is not found (404)");
    }
}
