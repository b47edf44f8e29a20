using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Sharing.Data;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Features.ManageResources;

internal sealed record ResourceRow(string Code, string Name, string ProviderCreditCode, ResourceClass Classification, SharingType SharingType, ResourceStatus Status, bool Published);

internal sealed record ResourceState(string Code, ResourceStatus Status, bool Published, ResourceDetails Working, ResourceDetails? Live,
    string RegisteredBy, string EditedBy, string? SubmittedBy, string? ReviewedBy, string? Opinion, DateTimeOffset? PublishedAt, string? WithdrawnReason)
{
    public static ResourceState Of(DataResource r) =>
        new(r.Code, r.Status, r.IsLive, r.Working, r.Live, r.RegisteredBy, r.EditedBy, r.SubmittedBy, r.ReviewedBy, r.Opinion, r.PublishedAt, r.WithdrawnReason);
}

internal sealed record OpinionInput(string? Opinion);

internal sealed record ReasonInput(string? Reason);

internal static class ResourceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var resources = api.MapGroup("/resources").RequireAuthorization(Policies.DataAdministrator);
        resources.MapGet("/", ListAsync).WithSummary("The resource catalog, filtered by provider department and status; a department's administrator sees their department's resources");
        resources.MapGet("/{code}", (string code, ManageResources m, ClaimsPrincipal u, CancellationToken ct) => Answer(m.LoadAsync(code, SharingActor.Of(u), ct)))
            .WithSummary("One resource: working copy, published copy, review state");
        resources.MapPost("/", async (ResourceForm input, ManageResources m, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var resource = await m.RegisterAsync(input, SharingActor.Of(u), ct);
                return TypedResults.Created($"/api/sharing/resources/{resource.Code}", ResourceState.Of(resource));
            })
            .WithSummary("Register a resource as a draft; the code is assigned (provider credit code + sequence)");
        resources.MapPut("/{code}", (string code, ResourceForm input, ManageResources m, ClaimsPrincipal u, CancellationToken ct) => Answer(m.EditAsync(code, input, SharingActor.Of(u), ct)))
            .WithSummary("Replace the working copy (a published copy stays live until the change is published)");
        resources.MapPost("/{code}/submit", (string code, ManageResources m, ClaimsPrincipal u, CancellationToken ct) => Answer(m.SubmitAsync(code, SharingActor.Of(u), ct)))
            .WithSummary("Submit the draft for review");
        resources.MapPost("/{code}/approve", (string code, ManageResources m, ClaimsPrincipal u, CancellationToken ct) => Answer(m.ApproveAsync(code, SharingActor.Of(u), ct)))
            .WithSummary("Review: publish (not by whoever registered, edited or submitted it)");
        resources.MapPost("/{code}/return", (string code, OpinionInput i, ManageResources m, ClaimsPrincipal u, CancellationToken ct) => Answer(m.ReturnAsync(code, i.Opinion ?? "", SharingActor.Of(u), ct)))
            .WithSummary("Review: return with an opinion");
        resources.MapPost("/{code}/withdraw", (string code, ReasonInput i, ManageResources m, ClaimsPrincipal u, CancellationToken ct) => Answer(m.WithdrawAsync(code, i.Reason ?? "", SharingActor.Of(u), ct)))
            .WithSummary("Withdraw a published resource with a reason");
    }

    private static async Task<Ok<ResourceState>> Answer(Task<DataResource> change) => TypedResults.Ok(ResourceState.Of(await change));

    private static async Task<Ok<List<ResourceRow>>> ListAsync(string? provider, ResourceStatus? status, SharingDbContext db, CatalogKeepers keepers, ClaimsPrincipal u, CancellationToken ct) =>
        TypedResults.Ok(await Query(db, provider, status, SharingActor.Of(u), keepers).ToListAsync(ct));

    /// <summary>The catalog as the actor sees it: a department's administrator only their department's resources, the catalog keepers all.</summary>
    public static IQueryable<ResourceRow> Query(SharingDbContext db, string? provider, ResourceStatus? status, SharingActor actor, CatalogKeepers keepers)
    {
        var query = db.Resources.AsNoTracking();
        if (!keepers.Include(actor) && actor.Department is { } department) query = query.Where(r => r.ProviderCreditCode == department);
        if (!string.IsNullOrWhiteSpace(provider))
        {
            var code = provider.Trim().ToUpperInvariant(); // credit codes are stored upper-case
            query = query.Where(r => r.ProviderCreditCode == code);
        }
        if (status is { } s) query = query.Where(r => r.Status == s);
        return query.OrderBy(r => r.Code)
            .Select(r => new ResourceRow(r.Code, r.Name, r.ProviderCreditCode, r.Classification, r.SharingType, r.Status, r.Live != null));
    }
}
