using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Domain;
using Tongban.Identity.Contracts;

namespace Tongban.Applications.Features.HomeVisits;

/// <summary>
/// The requests for the staff member's department (or station): who to visit (name and masked ID number), where, when, and
/// a form per step — name who goes, record the visit (with the case number when a case was taken or brought), decline.
/// </summary>
[Authorize(Policy = StaffPolicies.WalkIn)]
internal sealed class HomeVisitsAdminModel(HomeVisits handler, IAccountDirectory accounts) : PageModel
{
    [BindProperty] public string? Assignee { get; set; }
    [BindProperty] public string? CaseNumber { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<HomeVisit> Requests { get; private set; } = [];
    public IReadOnlyDictionary<Guid, AccountInfo> Residents { get; private set; } = new Dictionary<Guid, AccountInfo>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) => await ActAsync(() => handler.AssignAsync(id, new AssignInput(Assignee), User, ct), ct);

    public async Task<IActionResult> OnPostVisitAsync(Guid id, CancellationToken ct) => await ActAsync(() => handler.VisitAsync(id, new VisitInput(CaseNumber), User, ct), ct);

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct) => await ActAsync(() => handler.DeclineAsync(id, new DeclineInput(Reason), User, ct), ct);

    private async Task<IActionResult> ActAsync(Func<Task<HomeVisit>> act, CancellationToken ct)
    {
        await LoadAsync(ct); // the page as it was, for an inline message if the step is refused
        await act();
        return Redirect("/admin/home-visits");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Requests = await handler.InScopeAsync(User, ct);
        Residents = Requests.Count == 0 ? new Dictionary<Guid, AccountInfo>() : await accounts.FindManyAsync([.. Requests.Select(r => r.ResidentId).Distinct()], ct);
    }
}
