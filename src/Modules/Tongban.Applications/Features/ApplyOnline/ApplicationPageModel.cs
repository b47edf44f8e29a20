using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Contracts;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ProvideMaterials;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Identity.Contracts;

namespace Tongban.Applications.Features.ApplyOnline;

/// <summary>
/// The steps of an application page, for an item (<see cref="ApplyModel"/>) or a bundle: the form rendered from its
/// definition, a file per material, the applicant's registry record or electronic license where allowed (preview, then
/// explicit agreement), save as draft or submit. Every button saves what was typed first, so nothing typed is lost on the way.
/// </summary>
[Authorize]
internal abstract class ApplicationPageModel(ApplyOnline handler, ProvideMaterials.ProvideMaterials materials, UseRegistryFact facts, UseLicense licenses, ApplyGate gate) : PageModel
{
    [BindProperty] public ApplicationInput Input { get; set; } = new();

    public ApplicationTarget Target { get; private set; } = null!;
    public Guid? DraftId { get; private set; }
    public bool Saved { get; private set; }

    /// <summary>Why the form cannot be filled in yet (not online, or the real-name level too low); null or ready shows the form.</summary>
    public Readiness? Gate { get; private set; }
    public IReadOnlyList<MaterialRef> Attached { get; private set; } = [];

    /// <summary>The registry records read at the applicant's request and waiting for their answer, by material.</summary>
    public IReadOnlyList<FactPreview> Previews { get; private set; } = [];

    /// <summary>The enterprises a fact about an enterprise may be read for (empty unless a material takes one).</summary>
    public IReadOnlyList<EnterpriseInfo> Enterprises { get; private set; } = [];

    /// <summary>The license type that may stand in for each material, by key (none without the license library).</summary>
    public IReadOnlyDictionary<string, MaterialLicenseType> LicenseTypes { get; private set; } = new Dictionary<string, MaterialLicenseType>();

    /// <summary>The applicant's valid licenses offered for one material, shown until they agree or refuse.</summary>
    public (string Key, IReadOnlyList<OfferedLicense> Licenses)? LicenseOffer { get; private set; }

    protected ApplyOnline Drafts => handler;

    protected abstract Task<ApplicationTarget> FindAsync(string code, CancellationToken ct);

    protected abstract Task<Draft> StartAsync(string code, CancellationToken ct);

    /// <summary>The page's own path for <paramref name="code"/>.</summary>
    protected abstract string PathOf(string code);

    /// <summary>Submits the draft (what was typed in <see cref="Input"/>): where the receipt is.</summary>
    protected abstract Task<string> SubmitAsync(Guid draftId, CancellationToken ct);

    public async Task OnGetAsync(string code, Guid? draft, bool saved, string? license, [FromServices] FormPrefills prefills, CancellationToken ct)
    {
        Target = await FindAsync(code, ct);
        (DraftId, Saved) = (draft, saved);
        Gate = await gate.CheckAsync(Target, User, ct);
        if (draft is { } id) await ShowAsync(await handler.LoadAsync(id, User, ct), ct);
        else LicenseTypes = await licenses.TypesAsync(Target.Materials, ct);
        if (draft is { } shown && license is not null && LicenseTypes.ContainsKey(license) && Attached.All(a => a.Key != license))
            LicenseOffer = (license, await licenses.OfferAsync(shown, license, User, ct));
        if (Guid.TryParse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var applicant)) Input.Form = await prefills.FillAsync(Target, applicant, Attached, Input.Form ?? [], ct);
    }

    public Task<IActionResult> OnPostSaveAsync(string code, Guid? draft, CancellationToken ct) =>
        ThenShowAsync(code, draft, (_, _) => Task.CompletedTask, "&saved=true", ct);

    public async Task<IActionResult> OnPostSubmitAsync(string code, Guid? draft, CancellationToken ct)
    {
        var id = await EnsureDraftAsync(code, draft, ct);
        Attached = (await handler.LoadAsync(id, User, ct)).Materials;
        return Redirect(await SubmitAsync(id, ct));
    }

    public Task<IActionResult> OnPostUploadAsync(string code, Guid? draft, string key, CancellationToken ct) =>
        ThenShowAsync(code, draft, (id, c) => materials.UploadAsync(id, key, Request.Form.Files.GetFile($"file-{key}"), User, c), $"#material-{key}", ct);

    public Task<IActionResult> OnPostRemoveAsync(string code, Guid? draft, string key, CancellationToken ct) =>
        ThenShowAsync(code, draft, (id, c) => materials.RemoveAsync(id, key, User, c), $"#material-{key}", ct);

    /// <summary>Reads the applicant's record (one logged read), kept on the server and shown beside the material until they answer.</summary>
    public Task<IActionResult> OnPostPreviewFactAsync(string code, Guid? draft, string key, CancellationToken ct) =>
        ThenShowAsync(code, draft, (id, c) => facts.PreviewAsync(id, key, Request.Form[$"enterprise-{key}"].FirstOrDefault(), User, c), $"#material-{key}", ct);

    /// <summary>Attaches the previewed record once its agreement box (<c>agree-{key}</c>) is ticked; unticked, the message and the preview stay.</summary>
    public Task<IActionResult> OnPostUseFactAsync(string code, Guid? draft, string key, CancellationToken ct) =>
        ThenShowAsync(code, draft, (id, c) => facts.UseAsync(id, key, Request.Form[$"agree-{key}"] == "true", Request.Form[$"enterprise-{key}"].FirstOrDefault(), User, c),
            $"#material-{key}", ct);

    public Task<IActionResult> OnPostDeclineFactAsync(string code, Guid? draft, string key, CancellationToken ct) =>
        ThenShowAsync(code, draft, (id, c) => facts.DeclineAsync(id, key, User, c), $"#material-{key}", ct);

    /// <summary>Shows the applicant's valid licenses for the material (nothing is attached yet: they choose and agree, or refuse).</summary>
    public Task<IActionResult> OnPostOfferLicenseAsync(string code, Guid? draft, string key, CancellationToken ct) =>
        ThenShowAsync(code, draft, (_, _) => Task.CompletedTask, $"&license={Uri.EscapeDataString(key)}#material-{key}", ct);

    /// <summary>Attaches the license chosen (<c>license-{key}</c>) once its agreement box (<c>agree-license-{key}</c>) is ticked; otherwise the offer stays with the message.</summary>
    public Task<IActionResult> OnPostUseLicenseAsync(string code, Guid? draft, string key, CancellationToken ct) =>
        ThenShowAsync(code, draft, async (id, c) =>
        {
            LicenseOffer = (key, await licenses.OfferAsync(id, key, User, c)); // shown again if refused
            await licenses.UseAsync(id, key, Request.Form[$"license-{key}"].FirstOrDefault(), Request.Form[$"agree-license-{key}"] == "true", User, c);
        }, $"#material-{key}", ct);

    /// <summary>The applicant refused: the offer closes and nothing is attached.</summary>
    public Task<IActionResult> OnPostDeclineLicenseAsync(string code, Guid? draft, string key, CancellationToken ct) =>
        ThenShowAsync(code, draft, (_, _) => Task.CompletedTask, $"#material-{key}", ct);

    /// <summary>Saves the typed form, does <paramref name="act"/>, and shows the draft again (a refusal shows the page with its message).</summary>
    private async Task<IActionResult> ThenShowAsync(string code, Guid? draft, Func<Guid, CancellationToken, Task> act, string suffix, CancellationToken ct)
    {
        var id = await EnsureDraftAsync(code, draft, ct);
        await ShowAsync(await handler.SaveAsync(id, Input, User, ct), ct);
        await act(id, ct);
        return Redirect($"{PathOf(code)}?draft={id}{suffix}");
    }

    /// <summary>The draft as saved, with its waiting previews: what the page shows again when an action is refused.</summary>
    private async Task ShowAsync(Draft d, CancellationToken ct)
    {
        Input.Form = new(d.Form);
        Attached = d.Materials;
        Previews = await facts.PendingAsync(FactPreview.OfDraft(d.Id.Value), ct);
        if (Target.Materials.Any(m => m.RegistryFact is { } f && FactSubjects.IsAboutEnterprise(f)))
            Enterprises = await facts.EnterprisesAsync(d.ApplicantId, ct);
        LicenseTypes = await licenses.TypesAsync(Target.Materials, ct);
    }

    /// <summary>The page is shown again on a refusal: the draft it saved keeps its id in the form.</summary>
    private async Task<Guid> EnsureDraftAsync(string code, Guid? draft, CancellationToken ct)
    {
        Target = await FindAsync(code, ct);
        DraftId = draft ?? (await StartAsync(code, ct)).Id.Value;
        return DraftId.Value;
    }
}
