using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.MonthlyReport;

/// <summary>
/// <c>GET /statistics/report.pdf?department=&amp;month=2026-11</c>: a department's monthly report (月度报告) as PDF, for the
/// readers of the figures — a department head their own (another's is 404), a region-wide reader the one named (400
/// without); the month defaults to the last ended one.
/// </summary>
internal static class ReportEndpoints
{
    public const string Path = "/statistics/report.pdf";

    public static void Map(IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (string? department, string? month, MonthlyReports reports, MonthlyReportPdf pdf, ClaimsPrincipal user, CancellationToken ct) =>
            {
                var report = await reports.MakeAsync(department, month, user, ct);
                return Results.File(pdf.Render(report), "application/pdf", $"monthly-report-{report.Department}-{report.Month:yyyy-MM}.pdf");
            })
            .RequireAuthorization(StatisticsScope.Policy)
            .ExcludeFromDescription();
}
