using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Security;

namespace Tongban.Notifications.Features.EditTemplates;

/// <summary>The templates of every event and channel; one chosen (<c>?Event=&amp;Channel=</c>) is edited in the form.</summary>
[Authorize(Policies.SystemAdministrator)]
internal sealed class TemplatesModel(EditTemplates templates) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Event { get; set; }
    [BindProperty(SupportsGet = true)] public string? Channel { get; set; }
    [BindProperty] public string? Chinese { get; set; }
    [BindProperty] public string? English { get; set; }

    public IReadOnlyList<TemplateView> All { get; private set; } = [];
    public TemplateView? Chosen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        (Chinese, English) = (Chosen?.Chinese, Chosen?.English);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await templates.SaveAsync(Event ?? "", Channel ?? "", new TemplateInput(Chinese, English), User, ct);
        return Redirect($"/admin/notifications/templates?Event={Uri.EscapeDataString(Event ?? "")}&Channel={Uri.EscapeDataString(Channel ?? "")}&saved=1");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        All = await templates.ListAsync(ct);
        Chosen = All.SingleOrDefault(t => t.Event == Event && t.Channel == Channel);
    }
}
