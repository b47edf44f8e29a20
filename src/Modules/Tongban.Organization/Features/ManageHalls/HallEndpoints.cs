using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;
using Tongban.Organization.Features.BrowseHalls;
using Tongban.Organization.Features.ImportRegionPack;

namespace Tongban.Organization.Features.ManageHalls;

internal sealed record WindowCreated(Guid Id, string Number);

/// <summary>The hall API; a hall is written in the same JSON shape as a region pack's halls.json.</summary>
internal static class HallEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/halls", ListAsync).WithSummary("Service halls with today's opening status");
        api.MapGet("/halls/{slug}", GetAsync).WithSummary("One hall: profile, windows, opening status");
        var admin = api.MapGroup("/halls").RequireAuthorization(Policies.SystemAdministrator);
        admin.MapPost("/", CreateAsync).WithSummary("Add a hall");
        admin.MapPut("/{slug}", UpdateAsync).WithSummary("Replace a hall's public profile");
        admin.MapPut("/{slug}/extra-sessions", SetExtraSessionsAsync).WithSummary("Replace a hall's extended and weekend sessions (延时服务, 周末不打烊)");
        admin.MapPost("/{slug}/windows", OpenWindowAsync).WithSummary("Open a window in a hall");
        admin.MapDelete("/{slug}/windows/{id:guid}", CloseWindowAsync).WithSummary("Close a window");
    }

    private static async Task<Ok<IReadOnlyList<HallCard>>> ListAsync(HallQueries halls, CancellationToken ct) => TypedResults.Ok(await halls.ListAsync(ct));

    private static async Task<Results<Ok<HallView>, NotFound>> GetAsync(string slug, HallQueries halls, CancellationToken ct) =>
        await halls.GetAsync(slug, ct) is { } hall ? TypedResults.Ok(hall) : TypedResults.NotFound();

    private static async Task<Created<HallView>> CreateAsync(HallFile.HallJson input, EditHalls edit, HallQueries halls, ClaimsPrincipal user, CancellationToken ct)
    {
        var hall = await edit.CreateAsync(input.Slug ?? "", HallFile.ToProfile(input), Actor.Of(user), ct, HallFile.ToExtraSessions(input.ExtraSessions));
        return TypedResults.Created($"/api/organization/halls/{hall.Slug}", (await halls.GetAsync(hall.Slug, ct))!);
    }

    private static async Task<Ok<HallView>> UpdateAsync(string slug, HallFile.HallJson input, EditHalls edit, HallQueries halls, ClaimsPrincipal user, CancellationToken ct)
    {
        await edit.UpdateAsync(slug, HallFile.ToProfile(input), Actor.Of(user), ct, HallFile.ToExtraSessions(input.ExtraSessions));
        return TypedResults.Ok((await halls.GetAsync(slug, ct))!);
    }

    private static async Task<Ok<HallView>> SetExtraSessionsAsync(string slug, List<HallFile.ExtraSessionJson> input, EditHalls edit, HallQueries halls, ClaimsPrincipal user, CancellationToken ct)
    {
        await edit.SetExtraSessionsAsync(slug, HallFile.ToExtraSessions(input) ?? [], Actor.Of(user), ct);
        return TypedResults.Ok((await halls.GetAsync(slug, ct))!);
    }

    private static async Task<Created<WindowCreated>> OpenWindowAsync(string slug, WindowInput input, EditHalls edit, ClaimsPrincipal user, CancellationToken ct)
    {
        var window = await edit.OpenWindowAsync(slug, input, Actor.Of(user), ct);
        return TypedResults.Created($"/api/organization/halls/{slug}", new WindowCreated(window.Id.Value, window.Number));
    }

    private static async Task<NoContent> CloseWindowAsync(string slug, Guid id, EditHalls edit, ClaimsPrincipal user, CancellationToken ct)
    {
        await edit.CloseWindowAsync(slug, id, Actor.Of(user), ct);
        return TypedResults.NoContent();
    }
}
