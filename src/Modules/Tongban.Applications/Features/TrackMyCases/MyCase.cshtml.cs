using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.ProvideMaterials;
using Tongban.Applications.Features.RateCase;
using Tongban.Applications.Features.ViewCase;

namespace Tongban.Applications.Features.TrackMyCases;

/// <summary>One of my cases: timeline, time limit, what is expected from me, and the forms to do it. Also its printable receipt.</summary>
[Authorize]
internal sealed class MyCaseModel(CaseReader reader, RespondToCase respond, ProvideCaseMaterials materials, RateCase.RateCase rate, CaseDisplays displays,
    UseRegistryFact facts) : PageModel
{
    [BindProperty] public ApplicationInput Input { get; set; } = new();
    [BindProperty] public RatingInput Rate { get; set; } = new();
    [BindProperty] public string? Reason { get; set; }

    public Case Case { get; private set; } = null!;
    public Deadline Deadline { get; private set; } = Deadline.NotStarted;
    public CaseDisplay Show { get; private set; } = null!;

    /// <summary>Whose turn it is and what happens next.</summary>
    public CaseProgress Progress { get; private set; } = null!;
    public Rating? Rating { get; private set; }
    public DateOnly Today => reader.Today;

    /// <summary>The materials a registry record may stand in for (the item in effect says so).</summary>
    public IReadOnlySet<string> FactKeys { get; private set; } = new HashSet<string>();

    /// <summary>The registry records read at the applicant's request and waiting for their answer, by material.</summary>
    public IReadOnlyList<FactPreview> Previews { get; private set; } = [];

    /// <summary>The enterprises a fact about an enterprise may be read for (empty unless an awaited material takes one).</summary>
    public IReadOnlyList<Identity.Contracts.EnterpriseInfo> Enterprises { get; private set; } = [];

    /// <summary>The license type that may stand in for each awaited material, by key (none without the license library).</summary>
    public IReadOnlyDictionary<string, Contracts.MaterialLicenseType> LicenseTypes { get; private set; } = new Dictionary<string, Contracts.MaterialLicenseType>();

    /// <summary>The applicant's valid licenses offered for one awaited material, shown until they agree or refuse.</summary>
    public (string Key, IReadOnlyList<Contracts.OfferedLicense> Licenses)? LicenseOffer { get; private set; }

    public async Task OnGetAsync(string number, string? license, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        if (license is not null && LicenseTypes.ContainsKey(license)) LicenseOffer = (license, await materials.OfferLicenseAsync(number, license, User, ct));
    }

    /// <summary>Shows the applicant's valid licenses for the awaited material (nothing is attached yet: they choose and agree, or refuse).</summary>
    public IActionResult OnPostOfferLicense(string number, string key) =>
        Redirect($"/my/cases/{number}?license={Uri.EscapeDataString(key)}#material-{key}");

    /// <summary>Gives the license chosen (<c>license-{key}</c>) once its agreement box is ticked; otherwise the offer stays with the message.</summary>
    public async Task<IActionResult> OnPostUseLicenseAsync(string number, string key, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        LicenseOffer = (key, await materials.OfferLicenseAsync(number, key, User, ct)); // shown again if refused
        await materials.UseLicenseAsync(number, key, Request.Form[$"license-{key}"].FirstOrDefault(), Request.Form[$"agree-license-{key}"] == "true", User, ct);
        return Redirect($"/my/cases/{number}#material-{key}");
    }

    public IActionResult OnPostDeclineLicense(string number, string key) => Redirect($"/my/cases/{number}#material-{key}");

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

    /// <summary>Reads the applicant's record (one logged read), kept on the server and shown beside the material until they answer.</summary>
    public async Task<IActionResult> OnPostPreviewFactAsync(string number, string key, string? enterprise, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        await materials.PreviewFactAsync(number, key, enterprise, User, ct);
        return Redirect($"/my/cases/{number}#material-{key}");
    }

    /// <summary>Gives the previewed record once agreed; without the tick the message shows and the preview stays.</summary>
    public async Task<IActionResult> OnPostUseFactAsync(string number, string key, bool? agree, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        await materials.UseFactAsync(number, key, agree, null, User, ct);
        return Redirect($"/my/cases/{number}#material-{key}");
    }

    public async Task<IActionResult> OnPostDeclineFactAsync(string number, string key, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        await materials.DeclineFactAsync(number, key, User, ct);
        return Redirect($"/my/cases/{number}#material-{key}");
    }

    /// <summary>撤回 with a reason; a refusal (no reason, already decided) shows beside the reason with the form open.</summary>
    public async Task<IActionResult> OnPostWithdrawAsync(string number, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        await respond.WithdrawAsync(number, Reason, User, ct);
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
        Progress = reader.ProgressOf(Case);
        Rating = await rate.FindAsync(number, User, ct);
        Show = await displays.ForAsync(Case, Case.ApplicantId, ct, Rating?.CallBacks.Select(c => c.By));
        if (Case.Status == CaseStatus.AwaitingCorrection || Case.OutstandingDeferred.Any())
        {
            (FactKeys, Previews, Enterprises) = await facts.AwaitedByAsync(Case, ct);
            LicenseTypes = await materials.LicenseTypesAsync(Case, ct);
        }
    }
}

[Authorize]
internal sealed class ReceiptModel(CaseReader reader) : PageModel
{
    public Case Case { get; private set; } = null!;

    public async Task OnGetAsync(string number, CancellationToken ct) => Case = await reader.ForApplicantAsync(number, User, tracking: false, ct);
}
