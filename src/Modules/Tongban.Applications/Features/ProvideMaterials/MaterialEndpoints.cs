using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.HandleCase;

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

        api.MapGet("/my/cases/{number}/materials/{key}/file", async (string number, string key, DownloadMaterial handler, ClaimsPrincipal u, CancellationToken ct) =>
                File(await handler.FromOwnCaseAsync(number, key, u, ct)))
            .RequireAuthorization()
            .WithSummary("Download a file of one's own case");
        api.MapGet("/cases/{number}/materials/{key}/file", async (string number, string key, DownloadMaterial handler, ClaimsPrincipal u, CancellationToken ct) =>
                File(await handler.FromCaseAsStaffAsync(number, key, u, ct)))
            .RequireAuthorization(p => p.RequireRole(CaseEndpoints.CaseRoles))
            .WithSummary("Download a file of a case in my scope (audited)");
    }

    private static FileStreamHttpResult File(MaterialDownload download) =>
        TypedResults.File(download.Content, download.File.ContentType, download.File.Name);
}
