using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;
using Tongban.Organization.Data;

namespace Tongban.Organization.Features.ManageDivisions;

internal sealed record DivisionUpdate(string Name, DateOnly? ValidTo);

internal sealed record ImportResult(int Imported);

internal static class DivisionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/divisions", ListAsync).WithSummary("Divisions under a parent (top level when none is given)");
        api.MapGet("/divisions/{code}", GetAsync).WithSummary("One division");
        var admin = api.MapGroup("/divisions").RequireAuthorization(Policies.SystemAdministrator);
        admin.MapPost("/", AddAsync).WithSummary("Add a division");
        admin.MapPut("/{code}", UpdateAsync).WithSummary("Rename a division or end its validity");
        admin.MapPost("/import", ImportAsync).Accepts<string>("text/csv")
            .WithSummary("Import divisions from CSV (code,name,level,valid_from,valid_to); all or nothing");
    }

    private static async Task<Ok<List<DivisionInfo>>> ListAsync(string? parent, OrganizationDbContext db, CancellationToken ct)
    {
        var code = parent is not null && DivisionCode.TryParse(parent, out var p, out _) ? p.Value.Value : null;
        var list = await db.Divisions.AsNoTracking().Where(d => d.ParentCode == code).OrderBy(d => d.Code)
            .Select(d => new DivisionInfo(d.Code, d.Name, (int)d.Level, d.ParentCode, d.ValidFrom, d.ValidTo)).ToListAsync(ct);
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<DivisionInfo>, NotFound>> GetAsync(string code, IOrganizationDirectory directory, CancellationToken ct) =>
        await directory.FindDivisionAsync(code, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<Created<DivisionInfo>> AddAsync(DivisionInput input, EditDivisions edit, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await edit.AddAsync(input, Actor.Of(user), ct);
        return TypedResults.Created($"/api/organization/divisions/{d.Code}", new DivisionInfo(d.Code, d.Name, (int)d.Level, d.ParentCode, d.ValidFrom, d.ValidTo));
    }

    private static async Task<Ok<DivisionInfo>> UpdateAsync(string code, DivisionUpdate input, EditDivisions edit, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await edit.UpdateAsync(code, input.Name, input.ValidTo, Actor.Of(user), ct);
        return TypedResults.Ok(new DivisionInfo(d.Code, d.Name, (int)d.Level, d.ParentCode, d.ValidFrom, d.ValidTo));
    }

    private static async Task<Ok<ImportResult>> ImportAsync(HttpRequest request, ImportDivisions import, ClaimsPrincipal user, CancellationToken ct)
    {
        using var body = new StreamReader(request.Body);
        using var reader = new StringReader(await body.ReadToEndAsync(ct)); // the CSV parser reads synchronously
        var count = await import.RunAsync(reader, "upload.csv", Actor.Of(user), ct);
        return TypedResults.Ok(new ImportResult(count));
    }
}
