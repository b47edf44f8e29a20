using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.ProvideMaterials;
using Tongban.Applications.Features.RateCase;
using Tongban.Applications.Features.ViewCase;
using Tongban.Catalog.Contracts;

namespace Tongban.Applications.Features.TrackMyCases;

/// <summary>One of my cases: timeline, time limit, what is expected from me, and the forms to do it. Also its printable receipt.</summary>
[Authorize]
internal sealed class MyCaseModel(CaseReader reader, RespondToCase respond, ProvideCaseMaterials materials, IServiceItems items, RateCase.RateCase rate, CaseDisplays displays)
    : PageModel
{
    [BindProperty] public ApplicationInput Input { get; set; } = new();
    [BindProperty] public RatingInput Rate { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public Case Case { get; private set; } = null!;
    public Deadline Deadline { get; private set; } = Deadline.NotStarted;
    public CaseDisplay Show { get; private set; } = null!;
    public Rating? Rating { get; private set; }
    public DateOnly Today => reader.Today;

    /// <summary>The materials a registry record may stand in for (the item in effect says so).</summary>
    public IReadOnlySet<string> FactKeys { get; private set; } = new HashSet<string>();

    /// <summary>The registry record shown for agreement, and the material it is for.</summary>
    public (string Key, FactSnapshot Fact)? Preview { get; private set; }

    public async Task OnGetAsync(string number, CancellationToken ct) => await LoadAsync(number, ct);

    public async Task<IActionResult> OnPostResubmitAsync(string number, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        await respond.ResubmitAsync(number, Input, User, ct);
        return Redirect($"/my/cases/{number}");
    }

    /// <summary>A file for a material the case awaits (named in the correction notice, or deferred).</summary>
    public async Task<IActionResult> OnPostUploadAsync(string number, string key, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        await materials.UploadAsync(number, key, Request.Form.Files.GetFile($"file-{key}"), User, ct);
        return Redirect($"/my/cases/{number}#material-{key}");
    }

    /// <summary>Reads the applicant's record (a logged read) and shows it beside the material, waiting for agreement.</summary>
    public async Task<IActionResult> OnPostPreviewFactAsync(string number, string key, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        Preview = (key, await materials.PreviewFactAsync(number, key, User, ct));
        return Page();
    }

    public async Task<IActionResult> OnPostUseFactAsync(string number, string key, bool agree, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        await materials.UseFactAsync(number, key, agree, User, ct);
        return Redirect($"/my/cases/{number}#material-{key}");
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
        Show = await displays.ForAsync(Case, Case.ApplicantId, ct, Rating?.CallBacks.Select(c => c.By));
        if (Case.Status == CaseStatus.AwaitingCorrection || Case.OutstandingDeferred.Any())
            FactKeys = (await items.FindApplicableAsync(Case.ItemCode, ct))?.Materials.Where(m => m.RegistryFact is not null).Select(m => m.Key).ToHashSet() ?? [];
    }
}

[Authorize]
internal sealed class ReceiptModel(CaseReader reader) : PageModel
{
    public Case Case { get; private set; } = null!;

    public async Task OnGetAsync(string number, CancellationToken ct) => Case = await reader.ForApplicantAsync(number, User, tracking: false, ct);
}
