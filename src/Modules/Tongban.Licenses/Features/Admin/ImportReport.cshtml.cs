using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Security;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ImportHistory;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.Admin;

/// <summary>A run's data-quality report: per type and authority, per reason, and its rejected lines with the way to correct each.</summary>
[Authorize(Policy = Policies.LicenseAdministrator)]
internal sealed class ImportReportModel(QualityReport report, LicensesDbContext db, IOrganizationDirectory organization) : PageModel
{
    public RunReport Report { get; private set; } = null!;
    public IReadOnlyList<ImportRejection> Lines { get; private set; } = [];
    public AdminNames Names { get; private set; } = null!;

    [FromQuery(Name = "state")] public string? State { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public RejectionState? Filter => State switch { "all" => null, "resolved" => RejectionState.Resolved, "dismissed" => RejectionState.Dismissed, _ => RejectionState.Open };

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        var authority = Officers.Of(User).Authority;
        Report = await report.ReportAsync(id, authority, ct);
        Lines = await report.RejectedAsync(id, authority, Filter, Math.Max(1, PageNumber), ct);
        Names = await AdminNames.LoadAsync(db, organization, ct);
    }
}
