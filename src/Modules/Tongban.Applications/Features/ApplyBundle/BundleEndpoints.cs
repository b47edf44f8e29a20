using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.ViewCase;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Forms;

namespace Tongban.Applications.Features.ApplyBundle;

internal sealed record BundleItemView(string ItemCode, string Name, string DepartmentCreditCode, int PromisedLimitDays, int PromisedTrips, int RealNameLevel);

internal sealed record BundleFormView(string Code, string Name, IReadOnlyList<BundleItemView> Items, IReadOnlyList<UnavailableItem> Unavailable,
    int RealNameLevel, FormDefinition Form, IReadOnlyList<ApplicableMaterial> Materials);

internal sealed record StartBundleInput(string? BundleCode);

/// <summary>A bundle submission: its cases, one per item, and the key they share.</summary>
internal sealed record BundleCasesView(string BundleCode, string BundleName, Guid Key, IReadOnlyList<CaseView> Cases);

internal static class BundleEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/bundles/{code}", async (string code, ApplyOnline.ApplyOnline handler, CancellationToken ct) =>
            {
                var t = await handler.FindBundleAsync(code, ct);
                return TypedResults.Ok(new BundleFormView(t.Code, t.Name,
                    [.. t.Items.Select(i => new BundleItemView(i.ImplementationCode, i.Name, i.DepartmentCreditCode, i.PromisedLimitDays, i.PromisedTrips, i.RealNameLevel))],
                    t.Unavailable, t.RealNameLevel, t.Form, t.Materials));
            })
            .WithSummary("What applying for a bundle (一件事) takes: its items, one merged form and one set of materials");
        var drafts = api.MapGroup("/bundle-drafts").RequireAuthorization();
        drafts.MapPost("/", async (StartBundleInput input, ApplyBundle handler, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var draft = await handler.StartAsync(input.BundleCode ?? "", u, ct);
                return TypedResults.Created($"/api/applications/drafts/{draft.Id.Value}", DraftView.Of(draft));
            })
            .WithSummary("Start an application for a bundle: one draft of one's own (saved, resumed and given materials as any draft)");
        drafts.MapPost("/{id:guid}/submit", async Task<Results<Created<BundleCasesView>, Ok<BundleCasesView>>> (Guid id, ApplicationInput? input, ApplyBundle handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var (bundle, cases, created) = await handler.SubmitAsync(id, input, u, ct);
                var view = await ViewAsync(bundle, cases, reader, ct);
                return created ? TypedResults.Created($"/api/applications/my/bundles/{id}", view) : TypedResults.Ok(view);
            })
            .WithSummary("Submit a bundle draft: 201 with a case per item (all or none), or 200 with the same cases when it was submitted already");
        api.MapGet("/my/bundles/{id:guid}", async (Guid id, ApplyBundle handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var cases = await handler.CasesAsync(id, u, ct);
                return TypedResults.Ok(await ViewAsync(cases[0].Bundle!, cases, reader, ct));
            })
            .RequireAuthorization()
            .WithSummary("One's own cases of a bundle submission");
    }

    public static async Task<BundleCasesView> ViewAsync(BundleRef bundle, IReadOnlyList<Case> cases, CaseReader reader, CancellationToken ct)
    {
        var views = new List<CaseView>();
        foreach (var c in cases) views.Add(await reader.ViewAsync(c, ct));
        return new BundleCasesView(bundle.Code, bundle.Name, bundle.Key, views);
    }
}
