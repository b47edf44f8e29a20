using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Catalog.Contracts;

namespace Tongban.Applications.Features.ApplyOnline;

/// <summary>Apply for an item: the item's form rendered from its definition, material references, save as draft or submit.</summary>
[Authorize]
internal sealed class ApplyModel(ApplyOnline handler) : PageModel
{
    [BindProperty] public ApplicationInput Input { get; set; } = new();

    public ApplicableItem Item { get; private set; } = null!;
    public Guid? DraftId { get; private set; }
    public bool Saved { get; private set; }

    public async Task OnGetAsync(string code, Guid? draft, bool saved, CancellationToken ct)
    {
        Item = await handler.FindItemAsync(code, ct);
        (DraftId, Saved) = (draft, saved);
        if (draft is { } id)
        {
            var d = await handler.LoadAsync(id, User, ct);
            Input = new ApplicationInput { Form = new(d.Form), Materials = d.Materials.ToDictionary(m => m.Key, m => m.Reference) };
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(string code, Guid? draft, CancellationToken ct)
    {
        var id = await EnsureDraftAsync(code, draft, ct);
        await handler.SaveAsync(id, Input, User, ct);
        return Redirect($"/apply/{Uri.EscapeDataString(code)}?draft={id}&saved=true");
    }

    public async Task<IActionResult> OnPostSubmitAsync(string code, Guid? draft, CancellationToken ct)
    {
        var id = await EnsureDraftAsync(code, draft, ct);
        var (@case, _) = await handler.SubmitAsync(id, Input, User, ct);
        return Redirect($"/my/cases/{@case.Number}/receipt");
    }

    /// <summary>The page is shown again on a refused submit: the draft it saved keeps its id in the form.</summary>
    private async Task<Guid> EnsureDraftAsync(string code, Guid? draft, CancellationToken ct)
    {
        Item = await handler.FindItemAsync(code, ct);
        DraftId = draft ?? (await handler.StartAsync(code, User, ct)).Id.Value;
        return DraftId.Value;
    }
}
