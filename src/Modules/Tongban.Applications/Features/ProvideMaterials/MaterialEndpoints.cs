using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.HandleCase;
using Tongban.Applications.Features.ViewCase;

namespace Tongban.Applications.Features.ProvideMaterials;

/// <summary>The applicant's answer to a previewed fact: <c>agree</c> ticked, and for a fact about an enterprise which one (its credit code).</summary>
internal sealed record ConsentInput(bool? Agree, string? Enterprise = null);

/// <summary>For a fact about an enterprise: which of the enterprises the applicant represents (none needed when they represent one).</summary>
internal sealed record PreviewInput(string? Enterprise);

/// <summary>The applicant's choice of an electronic license for a material: its identifier and <c>agree</c> ticked.</summary>
internal sealed record LicenseChoice(string? Identifier, bool? Agree);

internal static class MaterialEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var materials = api.MapGroup("/drafts/{id:guid}/materials/{key}").RequireAuthorization();
        // Multipart from API clients carries no antiforgery token; the cookie is SameSite, and pages post through their own handler.
        materials.MapPost("/", async (Guid id, string key, IFormFile? file, ProvideMaterials handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(await handler.UploadAsync(id, key, file, u, ct)))
            .DisableAntiforgery()
            .WithSummary("Upload the file of a material (multipart field 'file': PDF, JPG, PNG or OFD by content, within Files:MaxBytes)");
        materials.MapDelete("/", async (Guid id, string key, ProvideMaterials handler, ClaimsPrincipal u, CancellationToken ct) =>
            {
                await handler.RemoveAsync(id, key, u, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Take a material off a draft (an uploaded file is deleted)");
        materials.MapGet("/file", async (Guid id, string key, DownloadMaterial handler, ClaimsPrincipal u, CancellationToken ct) =>
                File(await handler.FromDraftAsync(id, key, u, ct)))
            .WithSummary("Download a file of one's own draft");
        materials.MapPost("/fact/preview", async (Guid id, string key, PreviewInput? input, UseRegistryFact handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(await handler.PreviewAsync(id, key, input?.Enterprise, u, ct)))
            .WithSummary("Preview one's registry record for a material: one read, logged with its purpose; the value is kept for the answer");
        materials.MapPost("/fact", async (Guid id, string key, ConsentInput input, UseRegistryFact handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(await handler.UseAsync(id, key, input.Agree, input.Enterprise, u, ct)))
            .WithSummary("Attach the previewed record as the material with explicit agreement ({\"agree\": true}); no second read (without a preview, the one read is made now)");
        materials.MapDelete("/fact", async (Guid id, string key, UseRegistryFact handler, ClaimsPrincipal u, CancellationToken ct) =>
            {
                await handler.DeclineAsync(id, key, u, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Refuse the previewed record: it is dropped and nothing is attached");
        materials.MapGet("/licenses", async (Guid id, string key, UseLicense handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(await handler.OfferAsync(id, key, u, ct)))
            .WithSummary("The applicant's valid electronic licenses that may stand in for the material (their own and their enterprises')");
        materials.MapPost("/license", async (Guid id, string key, LicenseChoice input, UseLicense handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(await handler.UseAsync(id, key, input.Identifier, input.Agree == true, u, ct)))
            .WithSummary("Attach one of the offered licenses as the material with explicit agreement ({\"identifier\": …, \"agree\": true}); checked now and recorded in the license's use log");

        var mine = api.MapGroup("/my/cases/{number}/materials/{key}").RequireAuthorization();
        mine.MapPost("/", async (string number, string key, IFormFile? file, ProvideCaseMaterials handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
                await ViewAsync(await handler.UploadAsync(number, key, file, u, ct), reader, ct))
            .DisableAntiforgery()
            .WithSummary("Upload a material the case awaits: one named in the correction notice (kept until resubmission) or a deferred one (received at once)");
        mine.MapPost("/fact/preview", async (string number, string key, PreviewInput? input, ProvideCaseMaterials handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(await handler.PreviewFactAsync(number, key, input?.Enterprise, u, ct)))
            .WithSummary("Preview one's registry record for a material the case awaits: one read, logged with its purpose; the value is kept for the answer");
        mine.MapPost("/fact", async (string number, string key, ConsentInput input, ProvideCaseMaterials handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
                await ViewAsync(await handler.UseFactAsync(number, key, input.Agree, input.Enterprise, u, ct), reader, ct))
            .WithSummary("Give the previewed record as a material the case awaits, with explicit agreement ({\"agree\": true}); no second read");
        mine.MapDelete("/fact", async (string number, string key, ProvideCaseMaterials handler, ClaimsPrincipal u, CancellationToken ct) =>
            {
                await handler.DeclineFactAsync(number, key, u, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Refuse the previewed record: it is dropped and nothing is given");
        mine.MapGet("/licenses", async (string number, string key, ProvideCaseMaterials handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(await handler.OfferLicenseAsync(number, key, u, ct)))
            .WithSummary("The applicant's valid electronic licenses that may stand in for a material the case awaits");
        mine.MapPost("/license", async (string number, string key, LicenseChoice input, ProvideCaseMaterials handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
                await ViewAsync(await handler.UseLicenseAsync(number, key, input.Identifier, input.Agree == true, u, ct), reader, ct))
            .WithSummary("Give one of the offered licenses as a material the case awaits, with explicit agreement ({\"identifier\": …, \"agree\": true})");

        api.MapGet("/my/cases/{number}/materials/{key}/file", async (string number, string key, DownloadMaterial handler, ClaimsPrincipal u, CancellationToken ct) =>
                File(await handler.FromOwnCaseAsync(number, key, u, ct)))
            .RequireAuthorization()
            .WithSummary("Download a file of one's own case");
        api.MapGet("/cases/{number}/materials/{key}/file", async (string number, string key, DownloadMaterial handler, ClaimsPrincipal u, CancellationToken ct) =>
                File(await handler.FromCaseAsStaffAsync(number, key, u, ct)))
            .RequireAuthorization(p => p.RequireRole(CaseEndpoints.CaseRoles))
            .WithSummary("Download a file of a case in my scope (audited)");
    }

    private static async Task<Ok<CaseView>> ViewAsync(Case @case, CaseReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.ViewAsync(@case, ct));

    private static FileStreamHttpResult File(MaterialDownload download) =>
        TypedResults.File(download.Content, download.File.ContentType, download.File.Name);
}
