using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageStations;

internal sealed record StationView(string Key, string Name, StationKind Kind, string DivisionCode, string? Address, string? Phone, string? Hours, IReadOnlyList<StationStaffView> Staff);

/// <summary>A station's staff member as an answer shows them: the mobile number only to the system administrator who edits it, never in the public list.</summary>
internal sealed record StationStaffView(string Name, string Role,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Phone);

internal sealed record StationRequest(string Key, string Name, StationKind Kind, string DivisionCode, string? Address, string? Phone, string? Hours, List<StationStaff>? Staff)
{
    public StationDetails Details => new(Name, Kind, DivisionCode, Address, Phone, Hours, Staff ?? []);
}

internal static class StationEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/stations", ListAsync).WithSummary("Stations in a division and below (all when none is given); staff by name and role, without their mobile numbers");
        var admin = api.MapGroup("/stations").RequireAuthorization(Policies.SystemAdministrator);
        admin.MapPost("/", AddAsync).WithSummary("Add a station");
        admin.MapPut("/{key}", UpdateAsync).WithSummary("Change a station");
    }

    private static async Task<Ok<List<StationView>>> ListAsync(string? division, OrganizationDbContext db, CancellationToken ct)
    {
        var query = db.Stations.AsNoTracking();
        if (division is not null && DivisionCode.TryParse(division, out var code, out _))
        {
            var prefix = code.Value.Prefix;
            query = query.Where(s => s.DivisionCode.StartsWith(prefix));
        }
        var stations = await query.OrderBy(s => s.DivisionCode).ThenBy(s => s.Key).ToListAsync(ct);
        return TypedResults.Ok(stations.Select(s => View(s, withPhones: false)).ToList());
    }

    private static async Task<Created<StationView>> AddAsync(StationRequest input, EditStations edit, ClaimsPrincipal user, CancellationToken ct)
    {
        var s = await edit.AddAsync(input.Key, input.Details, Actor.Of(user), ct);
        return TypedResults.Created($"/api/organization/stations?division={s.DivisionCode}", View(s, withPhones: true));
    }

    private static async Task<Ok<StationView>> UpdateAsync(string key, StationRequest input, EditStations edit, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(View(await edit.UpdateAsync(key, input.Details, Actor.Of(user), ct), withPhones: true));

    // The station's own phone is public (people call it); a staff member's mobile is personal data (issue #16).
    private static StationView View(Station s, bool withPhones) => new(s.Key, s.Name, s.Kind, s.DivisionCode, s.Address, s.Phone, s.Hours,
        [.. s.Staff.Select(p => new StationStaffView(p.Name, p.Role, withPhones ? p.Phone : null))]);
}
