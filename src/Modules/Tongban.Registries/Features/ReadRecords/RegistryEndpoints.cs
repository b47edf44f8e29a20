using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;
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
        api.MapGet("/access-log/verification", async (RegistriesDbContext db, CancellationToken ct) => TypedResults.Ok(await AccessLog.VerifyAsync(db, ct)))
            .RequireAuthorization(Policies.SystemAdministrator)
            .WithSummary("Walks the access log's hash chain and names the first altered, inserted or deleted entry");
    }

    private static async Task<IResult> ReadsOfAsync(ReadsOfInput input, IRegistryRecords records, RegistriesDbContext db, TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var key = input.SubjectKey?.Trim() ?? "";
        if (!ResidentIdNumber.TryParse(key, out _, out _) && !CreditCode.TryParse(key, out _, out _))
            return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity,
                title: Kernel.Localization.Text.T("请给出有效的居民身份证号码或统一社会信用代码", "Give a valid ID number or credit code"));
        var reads = await records.ReadsOfAsync(key, input.Limit ?? 200, ct);
        // Looking at whom a person's data was shown to is itself a look at that person: audited.
        db.Audit(new AuditRecord(Actor.Of(user), "registries.reads_of", $"subject:{ResidentIdNumber.Mask(key)}", $"{reads.Count} reads shown", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(reads);
    }
}
