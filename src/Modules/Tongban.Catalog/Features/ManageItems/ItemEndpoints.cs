using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Catalog.Domain;
using Tongban.Catalog.Features.ImportFeed;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Features.ManageItems;

internal sealed record ItemState(string ImplementationCode, string BasicCode, ItemStatus Status, string? StatusReason, IReadOnlyList<VersionView> Versions);

internal sealed record VersionView(int Number, VersionState State, string EditedBy, string? SubmittedBy, string? ReviewedBy, string? Opinion, DateOnly? EffectiveFrom, string Name);

internal sealed record ReviewInput(string? Opinion, DateOnly? EffectiveFrom);

internal sealed record ReasonInput(string? Reason);

internal static class ItemEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/items").RequireAuthorization(Policies.CatalogAdministrator);
        admin.MapPost("/", DraftAsync).WithSummary("Draft a new item or a new version (the feed item shape); elements may be incomplete until submission");
        admin.MapPost("/{code}/implementations", async (string code, ImplementationInput i, ManageItems m, ClaimsPrincipal u, CancellationToken ct) =>
            {
                var item = await m.ImplementAsync(code, i, Actor.Of(u), ct);
                return TypedResults.Created($"/api/catalog/items/{item.ImplementationCode}/history", State(item));
            })
            .WithSummary("Implement a basic item at a lower level: a draft inheriting the basic elements, local ones left to fill in");
        admin.MapPost("/{code}/submit", (string code, ManageItems m, ClaimsPrincipal u, CancellationToken ct) => Answer(m.SubmitAsync(code, Actor.Of(u), ct)))
            .WithSummary("Submit the draft for legality review; every missing element is named");
        admin.MapPost("/{code}/suspend", (string code, ReasonInput i, ManageItems m, ClaimsPrincipal u, CancellationToken ct) => Answer(m.SuspendAsync(code, i.Reason ?? "", Actor.Of(u), ct)));
        admin.MapPost("/{code}/resume", (string code, ManageItems m, ClaimsPrincipal u, CancellationToken ct) => Answer(m.ResumeAsync(code, Actor.Of(u), ct)));
        admin.MapPost("/{code}/abolish", (string code, ReasonInput i, ManageItems m, ClaimsPrincipal u, CancellationToken ct) => Answer(m.AbolishAsync(code, i.Reason ?? "", Actor.Of(u), ct)));
        api.MapGet("/items/{code}/history", HistoryAsync).RequireAuthorization(Policies.CatalogAdministrator).WithSummary("Every version with who drafted, submitted and reviewed it");
        api.MapGet("/items/{code}/diff", DiffAsync).RequireAuthorization(Policies.CatalogAdministrator).WithSummary("Field-by-field differences between two versions");

        var review = api.MapGroup("/items/{code}").RequireAuthorization(Policies.LegalityReviewer);
        review.MapPost("/approve", (string code, ReviewInput i, ManageItems m, ClaimsPrincipal u, CancellationToken ct) => Answer(m.ApproveAsync(code, i.Opinion, i.EffectiveFrom, Actor.Of(u), ct)))
            .WithSummary("Legality review: approve and publish from an effective date (today when none)");
        review.MapPost("/return", (string code, ReviewInput i, ManageItems m, ClaimsPrincipal u, CancellationToken ct) => Answer(m.ReturnAsync(code, i.Opinion ?? "", Actor.Of(u), ct)))
            .WithSummary("Legality review: return with an opinion");
    }

    private static async Task<Created<ItemState>> DraftAsync(FeedItem input, ManageItems manage, ClaimsPrincipal user, CancellationToken ct)
    {
        var item = await manage.DraftAsync(input, Actor.Of(user), newItem: false, ct);
        return TypedResults.Created($"/api/catalog/items/{item.ImplementationCode}/history", State(item));
    }

    private static async Task<Ok<ItemState>> Answer(Task<ServiceItem> change) => TypedResults.Ok(State(await change));

    private static async Task<Ok<ItemState>> HistoryAsync(string code, ManageItems manage, CancellationToken ct) => TypedResults.Ok(State(await manage.LoadAsync(code, ct)));

    private static async Task<Ok<IReadOnlyList<FieldChange>>> DiffAsync(string code, int from, int to, ManageItems manage, CancellationToken ct)
    {
        var item = await manage.LoadAsync(code, ct);
        var a = item.Versions.SingleOrDefault(v => v.Number == from);
        var b = item.Versions.SingleOrDefault(v => v.Number == to);
        if (a is null || b is null)
            throw new DomainException(new DomainError("item.version_unknown", "没有这个版本", "No such version", ErrorKind.NotFound, a is null ? "from" : "to"));
        return TypedResults.Ok(ElementDiff.Between(a.Elements, b.Elements));
    }

    private static ItemState State(ServiceItem item) => new(item.ImplementationCode, item.BasicCode, item.Status, item.StatusReason,
        item.Versions.OrderBy(v => v.Number).Select(v => new VersionView(v.Number, v.State, v.EditedBy, v.SubmittedBy, v.ReviewedBy, v.Opinion, v.EffectiveFrom, v.Elements.Name)).ToList());
}
