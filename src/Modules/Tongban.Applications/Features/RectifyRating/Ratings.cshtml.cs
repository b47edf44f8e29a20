using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.Workbench;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.RectifyRating;

/// <summary>Ratings in the staff member's scope; open rectifications first, overdue ones in red.</summary>
[Authorize(Roles = WorkbenchModel.CaseRoleList)]
internal sealed class RatingsModel(RectifyRating handler) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool Rectifications { get; set; }

    public IReadOnlyList<Rating> Rows { get; private set; } = [];
    public DateOnly Today => handler.Today;

    public async Task OnGetAsync(CancellationToken ct) => Rows = await handler.ListAsync(Rectifications, User, ct);
}

/// <summary>One rating: its rectification, the department's call-back and report forms, the supervisor's appeal decision.</summary>
[Authorize(Roles = WorkbenchModel.CaseRoleList)]
internal sealed class RatingModel(RectifyRating handler, ActorDirectory actors) : PageModel
{
    [BindProperty] public RectifyInput Input { get; set; } = new();

    public Rating Rating { get; private set; } = null!;
    public DateOnly Today => handler.Today;
    public ActorNames Actors { get; private set; } = ActorNames.None;

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        Rating = await handler.FindAsync(id, User, tracking: false, ct);
        Actors = await actors.NamesAsync(Rating.CallBacks.Select(c => c.By), ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string act, CancellationToken ct)
    {
        Rating = await handler.FindAsync(id, User, tracking: false, ct);
        await handler.ActAsync(id, act, Input, User, ct);
        return Redirect($"/admin/ratings/{id}");
    }
}
