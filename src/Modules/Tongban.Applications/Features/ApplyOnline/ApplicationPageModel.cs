using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ProvideMaterials;
using Tongban.Applications.Features.SubmitApplication;

namespace Tongban.Applications.Features.ApplyOnline;

/// <summary>
/// The steps of an application page, for an item (<see cref="ApplyModel"/>) or a bundle: the form rendered from its
/// definition, a file per material or the applicant's registry record where allowed (preview, then explicit agreement),
/// save as draft or submit. Every button saves what was typed first, so nothing typed is lost on the way.
/// </summary>
[Authorize]
internal abstract class ApplicationPageModel(ApplyOnline handler, ProvideMaterials.ProvideMaterials materials, UseRegistryFact facts) : PageModel
{
    [BindProperty] public ApplicationInput Input { get; set; } = new();

    public ApplicationTarget Target { get; private set; } = null!;
    public Guid? DraftId { get; private set; }
    public bool Saved { get; private set; }
    public IReadOnlyList<MaterialRef> Attached { get; private set; } = [];

    /// <summary>The registry record shown for agreement, and the material it is for.</summary>
    public (string Key, FactSnapshot Fact)? Preview { get; private set; }

    protected ApplyOnline Drafts => handler;

    protected abstract Task<ApplicationTarget> FindAsync(string code, CancellationToken ct);

    protected abstract Task<Draft> StartAsync(string code, CancellationToken ct);

    /// <summary>The page's own path for <paramref name="code"/>.</summary>
    protected abstract string PathOf(string code);

    /// <summary>Submits the draft (what was typed in <see cref="Input"/>): where the receipt is.</summary>
    protected abstract Task<string> SubmitAsync(Guid draftId, CancellationToken ct);

    public async Task OnGetAsync(string code, Guid? draft, bool saved, [FromServices] FormPrefills prefills, CancellationToken ct)
    {
        Target = await FindAsync(code, ct);
        (DraftId, Saved) = (draft, saved);
        if (draft is { } id) Show(await handler.LoadAsync(id, User, ct));
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

    public Task<IActionResult> OnPostUseFactAsync(string code, Guid? draft, string key, bool agree, CancellationToken ct) =>
        ThenShowAsync(code, draft, (id, c) => facts.UseAsync(id, key, agree, User, c), $"#material-{key}", ct);

    /// <summary>Reads the applicant's record (a logged read) and shows it beside the material, waiting for agreement.</summary>
    public async Task<IActionResult> OnPostPreviewFactAsync(string code, Guid? draft, string key, CancellationToken ct)
    {
        var id = await EnsureDraftAsync(code, draft, ct);
        Show(await handler.SaveAsync(id, Input, User, ct));
        Preview = (key, await facts.PreviewAsync(id, key, User, ct));
        return Page();
    }

    /// <summary>Saves the typed form, does <paramref name="act"/>, and shows the draft again (a refusal shows the page with its message).</summary>
    private async Task<IActionResult> ThenShowAsync(string code, Guid? draft, Func<Guid, CancellationToken, Task> act, string suffix, CancellationToken ct)
    {
        var id = await EnsureDraftAsync(code, draft, ct);
        Show(await handler.SaveAsync(id, Input, User, ct));
        await act(id, ct);
        return Redirect($"{PathOf(code)}?draft={id}{suffix}");
    }

    private void Show(Draft d)
    {
        Input.Form = new(d.Form);
        Attached = d.Materials;
    }

    /// <summary>The page is shown again on a refusal: the draft it saved keeps its id in the form.</summary>
    private async Task<Guid> EnsureDraftAsync(string code, Guid? draft, CancellationToken ct)
    {
        Target = await FindAsync(code, ct);
        DraftId = draft ?? (await StartAsync(code, ct)).Id.Value;
        return DraftId.Value;
    }
}
