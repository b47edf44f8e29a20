using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.HandleCase;
using Tongban.Applications.Features.ViewCase;

namespace Tongban.Applications.Features.ProvideMaterials;

internal sealed record ConsentInput(bool Agree);

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
        materials.MapGet("/fact", async (Guid id, string key, UseRegistryFact handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(await handler.PreviewAsync(id, key, u, ct)))
            .WithSummary("Preview one's registry record for a material (the read is logged with its purpose)");
        materials.MapPost("/fact", async (Guid id, string key, ConsentInput input, UseRegistryFact handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(await handler.UseAsync(id, key, input.Agree, u, ct)))
            .WithSummary("Attach one's registry record as the material, with explicit agreement ({\"agree\": true})");

        var mine = api.MapGroup("/my/cases/{number}/materials/{key}").RequireAuthorization();
        mine.MapPost("/", async (string number, string key, IFormFile? file, ProvideCaseMaterials handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
                await ViewAsync(await handler.UploadAsync(number, key, file, u, ct), reader, ct))
            .DisableAntiforgery()
            .WithSummary("Upload a material the case awaits: one named in the correction notice (kept until resubmission) or a deferred one (received at once)");
        mine.MapGet("/fact", async (string number, string key, ProvideCaseMaterials handler, ClaimsPrincipal u, CancellationToken ct) =>
                TypedResults.Ok(await handler.PreviewFactAsync(number, key, u, ct)))
            .WithSummary("Preview one's registry record for a material the case awaits (the read is logged with its purpose)");
        mine.MapPost("/fact", async (string number, string key, ConsentInput input, ProvideCaseMaterials handler, CaseReader reader, ClaimsPrincipal u, CancellationToken ct) =>
                await ViewAsync(await handler.UseFactAsync(number, key, input.Agree, u, ct), reader, ct))
            .WithSummary("Give one's registry record as a material the case awaits, with explicit agreement ({\"agree\": true})");

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
        TypedResults.Ok(CaseView.Of(@case, await reader.DeadlineAsync(@case, ct), reader.Today));

    private static FileStreamHttpResult File(MaterialDownload download) =>
        TypedResults.File(download.Content, download.File.ContentType, download.File.Name);
}
