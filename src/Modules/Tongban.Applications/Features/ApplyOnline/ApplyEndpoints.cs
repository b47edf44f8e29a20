using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ViewCase;
using Tongban.Kernel.Forms;

namespace Tongban.Applications.Features.ApplyOnline;

internal sealed record DraftView(Guid Id, string ItemCode, string? BundleCode, IReadOnlyDictionary<string, string> Form, IReadOnlyList<MaterialRef> Materials, DateTimeOffset UpdatedAt, string? CaseNumber)
{
    public static DraftView Of(Draft d) => new(d.Id.Value, d.ItemCode, d.BundleCode, d.Form, d.Materials, d.UpdatedAt, d.CaseNumber);
}

internal sealed record StartInput(string? ItemCode);

internal sealed record ItemFormView(string ItemCode, string Name, int Version, int PromisedLimitDays, int PromisedTrips, FormDefinition Form, IReadOnlyList<CaseMaterial> Materials);

internal static class ApplyEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/items/{code}", async (string code, ApplyOnline handler, CancellationToken ct) =>
            {
                var item = await handler.FindItemAsync(code, ct);
                var snapshot = SubmitApplication.ItemSnapshots.Of(item);
                return TypedResults.Ok(new ItemFormView(item.ImplementationCode, item.Name, item.VersionNumber, item.PromisedLimitDays, item.PromisedTrips, item.Form, snapshot.Materials));
            })
            .WithSummary("What applying for an item takes: its form fields and materials");
        var drafts = api.MapGroup("/drafts").RequireAuthorization();
        drafts.MapPost("/", async (StartInput input, ApplyOnline handler, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var draft = await handler.StartAsync(input.ItemCode ?? "", u, ct);
                return TypedResults.Created($"/api/applications/drafts/{draft.Id.Value}", DraftView.Of(draft));
            })
            .WithSummary("Start an application for an item: a draft of one's own");
        drafts.MapGet("/{id:guid}", async (Guid id, ApplyOnline handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(DraftView.Of(await handler.LoadAsync(id, u, ct))))
            .WithSummary("Resume a draft (one's own only)");
        drafts.MapPut("/{id:guid}", async (Guid id, ApplicationInput input, ApplyOnline handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(DraftView.Of(await handler.SaveAsync(id, input, u, ct))))
            .WithSummary("Save a draft's form values and material references as typed");
        drafts.MapPost("/{id:guid}/submit", async Task<Results<Created<CaseView>, Ok<CaseView>>> (Guid id, ApplicationInput? input, ApplyOnline handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var (@case, created) = await handler.SubmitAsync(id, input, u, ct);
                var view = await reader.ViewAsync(@case, ct);
                return created ? TypedResults.Created($"/api/applications/my/cases/{@case.Number}", view) : TypedResults.Ok(view);
            })
            .WithSummary("Submit a draft: 201 with the case number, or 200 with the same case when it was submitted already");
    }
}
