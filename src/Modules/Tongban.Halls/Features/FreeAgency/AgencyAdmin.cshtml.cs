using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Security;

namespace Tongban.Halls.Features.FreeAgency;

/// <summary>
/// The agency requests of the centres where the clerk is window staff, open ones first: the enterprise, the project, the
/// requester by name and masked ID number with the phone, the items; assign an agent from the centre's agency team; close;
/// the cases started under each and the enterprise's rating (a bad one marked).
/// </summary>
[Authorize(Policy = Policies.WindowClerk)]
internal sealed class AgencyAdminModel(AgencyDesk handler, IAccountDirectory accounts) : PageModel
{
    [BindProperty] public Guid? Agent { get; set; }

    public IReadOnlyList<AgencyEntry> Requests { get; private set; } = [];
    public IReadOnlyDictionary<Guid, AccountInfo> Requesters { get; private set; } = new Dictionary<Guid, AccountInfo>();
    /// <summary>The agency team of each hall with an open request, by hall id.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<StaffMemberInfo>> Teams { get; private set; } = new Dictionary<Guid, IReadOnlyList<StaffMemberInfo>>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(ct); // the page as it was, for an inline message if the step is refused
        await handler.AssignAsync(id, new AgencyAssignInput(Agent), User, ct);
        return Redirect("/admin/agency");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(ct);
        await handler.CloseAsStaffAsync(id, User, ct);
        return Redirect("/admin/agency");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Requests = await handler.QueueAsync(User, ct);
        Requesters = Requests.Count == 0 ? new Dictionary<Guid, AccountInfo>() : await accounts.FindManyAsync([.. Requests.Select(r => r.Request.RequesterId).Distinct()], ct);
        var teams = new Dictionary<Guid, IReadOnlyList<StaffMemberInfo>>();
        foreach (var hall in Requests.Where(r => r.Request.State == Domain.AgencyState.Requested).Select(r => r.Hall).DistinctBy(h => h.Id))
            teams[hall.Id] = await handler.TeamAsync(hall, ct);
        Teams = teams;
    }
}
