using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;

namespace Tongban.Halls.Features.CallTickets;

internal sealed record CallAnswer(string? Number);

internal sealed record TransferRequest(string? ToWindow, string? ToCategory);

/// <summary>叫号 for a window's own calling device or system; the same rules as the clerk's page.</summary>
internal static class CallEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var window = api.MapGroup("/{hall}/windows/{window}").RequireAuthorization(Policies.WindowClerk);
        window.MapPost("/call", async (string hall, string window, ClaimsPrincipal user, Calling calling, CancellationToken ct) =>
                TypedResults.Ok(new CallAnswer(await calling.CallNextAsync(user, hall, window, ct))))
            .WithSummary("Calls the next ticket of the categories the window serves (the one being served is finished); number null when no one waits");
        window.MapPost("/recall", async (string hall, string window, ClaimsPrincipal user, Calling calling, CancellationToken ct) =>
            { await calling.RecallAsync(user, hall, window, ct); return TypedResults.NoContent(); }).WithSummary("重呼: calls the ticket being served again");
        window.MapPost("/skip", async (string hall, string window, ClaimsPrincipal user, Calling calling, CancellationToken ct) =>
            { await calling.SkipAsync(user, hall, window, ct); return TypedResults.NoContent(); }).WithSummary("过号: the holder did not come");
        window.MapPost("/finish", async (string hall, string window, ClaimsPrincipal user, Calling calling, CancellationToken ct) =>
            { await calling.FinishAsync(user, hall, window, ct); return TypedResults.NoContent(); }).WithSummary("办结: the ticket being served is done");
        window.MapPost("/transfer", async (string hall, string window, TransferRequest request, ClaimsPrincipal user, Calling calling, CancellationToken ct) =>
            { await calling.TransferAsync(user, hall, window, request.ToWindow, request.ToCategory, ct); return TypedResults.NoContent(); })
            .WithSummary("转移: the ticket being served goes back into the queue for another window or another category");
    }
}
