using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ViewCase;
using Tongban.Applications.Features.Workbench;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Applications.Features.HandleCase;

/// <summary>A case for staff: its facts, history and the actions the signed-in member's roles allow in its state.</summary>
[Authorize(Roles = WorkbenchModel.CaseRoleList)]
internal sealed class StaffCaseModel(CaseReader reader, HandleCase handler, RegionClock clock, CaseDisplays displays, RectifyRating.RectifyRating ratings) : PageModel
{
    [BindProperty] public CaseActionInput Input { get; set; } = new();

    public Case Case { get; private set; } = null!;
    public Deadline Deadline { get; private set; } = Deadline.NotStarted;
    public CaseDisplay Show { get; private set; } = null!;

    /// <summary>Whose turn it is and what happens next.</summary>
    public CaseProgress Progress { get; private set; } = null!;

    /// <summary>好差评: the applicant's rating online and those given on site at the case's visits.</summary>
    public IReadOnlyList<Rating> Ratings { get; private set; } = [];

    public DateOnly Today => clock.Today;

    public bool May(string role) => User.IsInRole(role);

    public bool PreReview => Case.Status == CaseStatus.Submitted && May(Policies.WindowClerk);
    public bool Handling => Case.Status == CaseStatus.InProcess && May(Case.HandlingRole);
    public bool Concluding => Case.Status == CaseStatus.Decided && (May(Policies.WindowClerk) || May(Case.DecidingRole));

    public async Task OnGetAsync(string number, CancellationToken ct) => await LoadAsync(number, ct);

    public async Task<IActionResult> OnPostAsync(string number, string act, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        // The page offers every material and field; those left empty are not part of the notice.
        Input.Corrections = Input.Corrections?.Where(i => !string.IsNullOrWhiteSpace(i.Note)).ToList();
        await handler.ActAsync(number, act, Input, User, ct);
        return Redirect($"/admin/cases/{number}");
    }

    private async Task LoadAsync(string number, CancellationToken ct)
    {
        Case = await reader.InScopeAsync(number, CaseReader.OversightScope(User), tracking: false, ct); // a supervisor reads any department's
        Deadline = await reader.DeadlineAsync(Case, ct);
        Show = await displays.ForAsync(Case, applicant: null, ct);
        Progress = reader.ProgressOf(Case);
        Ratings = await ratings.OfCaseAsync(Case.Id, ct);
    }
}
