using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageDepartments;

internal static class DepartmentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/departments", ListAsync).WithSummary("Departments of a division and below (all when none is given)");
        api.MapGet("/departments/{id:guid}", GetAsync).WithSummary("One department");
        var admin = api.MapGroup("/departments").RequireAuthorization(Policies.SystemAdministrator);
        admin.MapPost("/", AddAsync).WithSummary("Add a department");
        admin.MapPut("/{id:guid}", UpdateAsync).WithSummary("Change a department");
    }

    private static async Task<Ok<IReadOnlyList<DepartmentInfo>>> ListAsync(string? division, IOrganizationDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.ListDepartmentsAsync(division, ct));

    private static async Task<Results<Ok<DepartmentInfo>, NotFound>> GetAsync(Guid id, IOrganizationDirectory directory, CancellationToken ct) =>
        await directory.FindDepartmentAsync(id, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<Created<DepartmentInfo>> AddAsync(DepartmentDetails input, EditDepartments edit, ClaimsPrincipal user, CancellationToken ct)
    {
        var d = await edit.AddAsync(input, Actor.Of(user), ct);
        return TypedResults.Created($"/api/organization/departments/{d.Id.Value}", Info(d));
    }

    private static async Task<Ok<DepartmentInfo>> UpdateAsync(Guid id, DepartmentDetails input, EditDepartments edit, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(Info(await edit.UpdateAsync(id, input, Actor.Of(user), ct)));

    private static DepartmentInfo Info(Department d) => new(d.Id.Value, d.CreditCode, d.Name, d.NameEn, d.DivisionCode);
}
