using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Features.HandleCase;

namespace Tongban.Applications.Features.Workbench;

[Authorize(Roles = CaseRoleList)]
internal sealed class WorkbenchModel(WorkbenchQuery query) : PageModel
{
    public const string CaseRoleList = "window-clerk,station-agent,reviewer,approver,leader,efficiency-supervisor";

    [BindProperty(SupportsGet = true)] public WorkbenchFilter Filter { get; set; } = new();

    public IReadOnlyList<WorkbenchRow> Rows { get; private set; } = [];

    public IEnumerable<string> MyQueues => CaseEndpoints.CaseRoles.Where(User.IsInRole);

    public async Task OnGetAsync(CancellationToken ct) => Rows = await query.ListAsync(Filter, User, ct);
}
