using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Security;
using Tongban.Registries.Contracts;
using Tongban.Registries.Features.LogAccess;

namespace Tongban.Registries.Features.ReadRecords;

internal sealed record ReadsOfInput(string? SubjectKey, int? Limit);

internal static class RegistryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/", (IRegistryRecords records) => TypedResults.Ok(records.Registries))
            .RequireAuthorization(Policies.DataAdministrator)
            .WithSummary("The four base registries with their key and data items (name, type, sensitivity)");
        api.MapGet("/statistics", async (IRegistryRecords records, CancellationToken ct) =>
                TypedResults.Ok(new { records = await records.CountAsync(ct), calls = await records.CallStatisticsAsync(ct) }))
            .RequireAuthorization(Policies.DataAdministrator)
            .WithSummary("Records per registry (current and all versions) and logged reads per department and per resource");
        // The subject's number travels in the body, never in the URL.
        api.MapPost("/reads-of", ReadsOfAsync)
            .RequireAuthorization(Policies.DataAdministrator)
            .WithSummary("Who read a person's or entity's records: when, who, for whom and why (谁查看了我的数据)");
        api.MapGet("/access-log/verification", async (ChainVerifier verifier, CancellationToken ct) =>
                TypedResults.Ok(await verifier.VerifyAsync(AccessLog.ChainName, CheckpointSources.Default, ct)))
            .RequireAuthorization(Policies.SystemAdministrator)
            .WithSummary("Walks the access log's hash chain against its signed checkpoints and names the first altered, inserted or deleted entry, or the first after the last good checkpoint");
    }

    private static async Task<IResult> ReadsOfAsync(ReadsOfInput input, ReadsOfSubject handler, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok((await handler.ShowAsync(input.SubjectKey, input.Limit ?? 200, Actor.Of(user), "subjectKey", ct)).Reads);
}
