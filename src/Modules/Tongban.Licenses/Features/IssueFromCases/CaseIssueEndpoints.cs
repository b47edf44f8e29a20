using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Licenses.Data;

namespace Tongban.Licenses.Features.IssueFromCases;

/// <summary>What the library did with a concluded case: the license issued, or why none was.</summary>
internal sealed record CaseIssueRow(string CaseNumber, string ItemCode, string TypeCode, string? Identifier, string? ReasonZh, string? ReasonEn, DateTimeOffset At);

internal static class CaseIssueEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/admin/case-issues", async (bool? pending, ClaimsPrincipal user, LicensesDbContext db, CancellationToken ct) =>
            {
                var authority = StaffScope.Of(user).DepartmentCode;
                var query = db.CaseIssues.AsNoTracking().Where(c => authority == null || c.IssuerCode == authority);
                if (pending == true) query = query.Where(c => c.Identifier == null);
                var rows = await query.OrderByDescending(c => c.At).Take(200).ToListAsync(ct);
                return TypedResults.Ok(rows.Select(c => new CaseIssueRow(c.CaseNumber, c.ItemCode, c.TypeCode, c.Identifier, c.ReasonZh, c.ReasonEn, c.At)));
            })
            .RequireAuthorization(Policies.LicenseAdministrator)
            .WithSummary("Licenses issued from concluded cases of the administrator's authority, and those not issued with the reason (?pending=true)");
}
