using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.RateCase;
using Tongban.Applications.Features.ViewCase;

namespace Tongban.Applications.Features.TrackMyCases;

/// <summary>One of my cases: timeline, time limit, what is expected from me, and the forms to do it. Also its printable receipt.</summary>
[Authorize]
internal sealed class MyCaseModel(CaseReader reader, RespondToCase respond, RateCase.RateCase rate) : PageModel
{
    [BindProperty] public ApplicationInput Input { get; set; } = new();
    [BindProperty] public string? Key { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public RatingInput Rate { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public Case Case { get; private set; } = null!;
    public Deadline Deadline { get; private set; } = Deadline.NotStarted;
    public Rating? Rating { get; private set; }
    public DateOnly Today => reader.Today;

    public async Task OnGetAsync(string number, CancellationToken ct) => await LoadAsync(number, ct);

    public async Task<IActionResult> OnPostResubmitAsync(string number, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        await respond.ResubmitAsync(number, Input, User, ct);
        return Redirect($"/my/cases/{number}");
    }

    public async Task<IActionResult> OnPostSupplyAsync(string number, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        await respond.SupplyDeferredAsync(number, Key ?? "", Reference ?? "", User, ct);
        return Redirect($"/my/cases/{number}");
    }

    public async Task<IActionResult> OnPostRateAsync(string number, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        await rate.RateAsync(number, Rate, User, ct);
        return Redirect($"/my/cases/{number}");
    }

    public async Task<IActionResult> OnPostAppealAsync(string number, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        await rate.AppealAsync(number, Reason ?? "", User, ct);
        return Redirect($"/my/cases/{number}");
    }

    private async Task LoadAsync(string number, CancellationToken ct)
    {
        Case = await reader.ForApplicantAsync(number, User, tracking: false, ct);
        Deadline = await reader.DeadlineAsync(Case, ct);
        Rating = await rate.FindAsync(number, User, ct);
    }
}

[Authorize]
internal sealed class ReceiptModel(CaseReader reader) : PageModel
{
    public Case Case { get; private set; } = null!;

    public async Task OnGetAsync(string number, CancellationToken ct) => Case = await reader.ForApplicantAsync(number, User, tracking: false, ct);
}
