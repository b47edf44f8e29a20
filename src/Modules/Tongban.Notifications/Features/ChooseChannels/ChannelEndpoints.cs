using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tongban.Notifications.Features.ChooseChannels;

internal static class ChannelEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var channels = api.MapGroup("/channels").RequireAuthorization();
        channels.MapGet("/", async (ChooseChannels choose, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await choose.ReadAsync(SignedInAccount.Of(user), ct)))
            .WithSummary("My notification channels: SMS and e-mail on or off (in-app always on), the masked addresses, whether the e-mail address is confirmed");
        channels.MapPut("/", async (ChannelsInput input, ChooseChannels choose, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await choose.SaveAsync(SignedInAccount.Of(user), input, ct)))
            .WithSummary("Choose my notification channels ({sms, email}); e-mail goes only to a confirmed address");
    }
}
