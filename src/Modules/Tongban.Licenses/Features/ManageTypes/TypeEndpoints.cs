using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.ManageTypes;

/// <summary>A license type as the API shows it: its code and state, the published definition and the version being worked on.</summary>
internal sealed record TypeView(string Code, string State, int? PublishedVersion, TypeForm? Published, VersionView? Open)
{
    public static TypeView Of(LicenseType t) => new(t.Code, t.State.ToString(), t.Published?.Number,
        t.Published is { } p ? TypeForm.From(t.Code, p.Definition) : null,
        t.Open is { } o ? new VersionView(o.Number, o.State.ToString(), o.EditedBy, o.SubmittedBy, o.Opinion, TypeForm.From(t.Code, o.Definition)) : null);
}

internal sealed record VersionView(int Number, string State, string EditedBy, string? SubmittedBy, string? Opinion, TypeForm Definition);

internal sealed record ReviewInput(string? Opinion);

/// <summary>An uploaded template background: the name a draft's template gives as its <c>background</c>.</summary>
internal sealed record BackgroundAnswer(string Background);

internal static class TypeEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/types", async (ManageTypes types, CancellationToken ct) =>
                TypedResults.Ok((await types.ListAsync(ct)).Where(t => t.Published is not null).Select(t => TypeView.Of(t) with { Open = null })))
            .WithSummary("The published license catalog (证照目录): every type with its fields, template, issuers and the materials it replaces");
        api.MapGet("/types/{code}", async (string code, ClaimsPrincipal user, ManageTypes types, CancellationToken ct) =>
            {
                var type = await types.FindAsync(code, ct);
                if (!user.IsInRole(Policies.LicenseAdministrator))
                    return type.Published is null ? throw new DomainException(DomainError.NotFound($"证照类型{code}", $"License type {code}")) : TypedResults.Ok(TypeView.Of(type) with { Open = null });
                return TypedResults.Ok(TypeView.Of(type));
            })
            .WithSummary("One license type; a license administrator also sees the version being worked on");

        var admin = api.MapGroup("/types").RequireAuthorization(Policies.LicenseAdministrator);
        admin.MapPost("", async (TypeForm form, ClaimsPrincipal user, ManageTypes types, CancellationToken ct) =>
                TypedResults.Ok(TypeView.Of(await types.DraftAsync(form, Actor.Of(user), ct))))
            .WithSummary("Draft a new license type or a new version of one (the code names it); every fault is named at once");
        admin.MapPost("/backgrounds", async (IFormFile? file, TemplateBackgrounds backgrounds, CancellationToken ct) =>
                TypedResults.Created((string?)null, new BackgroundAnswer(await backgrounds.SaveAsync(file, ct))))
            .DisableAntiforgery() // multipart from API clients, as material uploads; pages post through the type form
            .WithSummary("Upload a template background (multipart field 'file': a PNG or JPEG); name the answer's 'background' in a draft's template");
        admin.MapPost("/{code}/submit", async (string code, ClaimsPrincipal user, ManageTypes types, CancellationToken ct) =>
            TypedResults.Ok(TypeView.Of(await types.SubmitAsync(code, Actor.Of(user), ct))));
        admin.MapPost("/{code}/publish", async (string code, ReviewInput input, ClaimsPrincipal user, ManageTypes types, CancellationToken ct) =>
                TypedResults.Ok(TypeView.Of(await types.PublishAsync(code, Actor.Of(user), input.Opinion, ct))))
            .WithSummary("Publish the submitted version: another license administrator than the one who submitted it");
        admin.MapPost("/{code}/return", async (string code, ReviewInput input, ClaimsPrincipal user, ManageTypes types, CancellationToken ct) =>
            TypedResults.Ok(TypeView.Of(await types.ReturnAsync(code, Actor.Of(user), input.Opinion, ct))));
    }
}
