using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.ImportHistory;

internal sealed record CorrectionInput(Dictionary<string, string?>? Record);

internal sealed record CorrectionAnswer(string? Identifier, IReadOnlyList<RejectionReason> Reasons);

internal sealed record RejectedRow(Guid Id, long Line, string State, IReadOnlyDictionary<string, string> Record, IReadOnlyList<RejectionReason> Reasons, string? Identifier);

internal static class ImportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").RequireAuthorization(Policies.LicenseAdministrator);
        admin.MapPost("/imports", async (HttpRequest request, string? format, string? name, ClaimsPrincipal user, ImportHistory import, CancellationToken ct) =>
            {
                var jsonLines = FormatOf(format ?? request.ContentType);
                using var file = new MemoryStream();
                await request.Body.CopyToAsync(file, ct);
                var bytes = file.ToArray();
                var summary = await import.RunAsync(new HistoryImportRequest(string.IsNullOrWhiteSpace(name) ? "upload" : name.Trim(), () => new MemoryStream(bytes, false), jsonLines, Actor.Of(user)), null, ct);
                return TypedResults.Ok(summary with { FirstRejections = [] });
            })
            .WithSummary("Import a historical file (the body; ?format=csv|jsonl): good lines become sealed licenses, bad ones named rejections");
        admin.MapGet("/imports", async (QualityReport report, CancellationToken ct) => TypedResults.Ok(await report.RunsAsync(ct)));
        admin.MapGet("/imports/{id:guid}", async (Guid id, ClaimsPrincipal user, QualityReport report, CancellationToken ct) =>
                TypedResults.Ok(await report.ReportAsync(id, Officers.Of(user).Authority, ct)))
            .WithSummary("A run's data-quality report: per type and authority, per reason");
        admin.MapGet("/imports/{id:guid}/rejected", async (Guid id, string? state, int? page, ClaimsPrincipal user, QualityReport report, CancellationToken ct) =>
            TypedResults.Ok((await report.RejectedAsync(id, Officers.Of(user).Authority, StateOf(state), page ?? 1, ct))
                .Select(r => new RejectedRow(r.Id, r.Line, r.State.ToString().ToLowerInvariant(), r.Record, r.Reasons, r.Identifier))));
        admin.MapPost("/import-rejections/{id:guid}/resubmit", async (Guid id, CorrectionInput input, ClaimsPrincipal user, Corrections corrections, CancellationToken ct) =>
            {
                var identifier = await corrections.ResubmitAsync(id, input.Record ?? [], Officers.Of(user), ct);
                return identifier is not null
                    ? Results.Ok(new CorrectionAnswer(identifier, []))
                    : Results.UnprocessableEntity(new CorrectionAnswer(null, (await corrections.FindAsync(id, ct)).Reasons));
            })
            .WithSummary("Resubmit a corrected rejected record: imported and sealed when every check passes");
        admin.MapPost("/import-rejections/{id:guid}/dismiss", async (Guid id, ReasonInputNote input, ClaimsPrincipal user, Corrections corrections, CancellationToken ct) =>
            {
                await corrections.DismissAsync(id, input.Reason, Officers.Of(user), ct);
                return TypedResults.NoContent();
            });
    }

    public static bool FormatOf(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        "jsonl" or "ndjson" or "application/jsonl" or "application/x-ndjson" => true,
        null or "" or "csv" or "text/csv" => false,
        var other when other.StartsWith("text/csv", StringComparison.Ordinal) => false,
        _ => throw new DomainException(new DomainError("import.format", "文件格式应为CSV或JSON Lines", "The file must be CSV or JSON Lines", Field: "format")),
    };

    private static RejectionState? StateOf(string? state) => state?.Trim().ToLowerInvariant() switch
    {
        "open" => RejectionState.Open,
        "resolved" => RejectionState.Resolved,
        "dismissed" => RejectionState.Dismissed,
        _ => null,
    };
}

internal sealed record ReasonInputNote(string? Reason);
