using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Features.HandleCase;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.Workbench;

[Authorize(Roles = CaseRoleList)]
internal sealed class WorkbenchModel(WorkbenchQuery query) : PageModel
{
    public const string CaseRoleList = "window-clerk,station-agent,reviewer,approver,leader,efficiency-supervisor";

    [BindProperty(SupportsGet = true)] public WorkbenchFilter Filter { get; set; } = new();

    public WorkbenchPage Result { get; private set; } = new([], null);

    public IReadOnlyList<WorkbenchRow> Rows => Result.Rows;

    public IEnumerable<string> MyQueues => CaseEndpoints.CaseRoles.Where(User.IsInRole);

    /// <summary>Whether the member works at a station (驿站): the station's queue is theirs too.</summary>
    public bool AtStation => StaffScope.Of(User).StationKey is not null;

    /// <summary>The next page keeps the filters of the query string (never an ID number: that search is posted).</summary>
    public string? NextHref => Result.Next is { } next && string.IsNullOrWhiteSpace(Filter.Applicant)
        ? QueryHelpers.AddQueryString("/admin/cases", Request.Query.Where(q => q.Key != "Filter.After")
            .Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())).Append(KeyValuePair.Create("Filter.After", (string?)next)))
        : null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filter.Applicant = null;
        Result = await query.ListAsync(Filter, User, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Result = await query.ListAsync(new WorkbenchFilter { Applicant = Filter.Applicant }, User, ct);
        return Page();
    }
}
