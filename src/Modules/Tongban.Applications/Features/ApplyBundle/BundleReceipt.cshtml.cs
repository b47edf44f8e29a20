using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Domain;

namespace Tongban.Applications.Features.ApplyBundle;

/// <summary>The receipt of a bundle submission: every case number, each item's department and limit (one's own only; else 404).</summary>
[Authorize]
internal sealed class BundleReceiptModel(ApplyBundle bundles) : PageModel
{
    public IReadOnlyList<Case> Cases { get; private set; } = [];

    public async Task OnGetAsync(Guid draft, CancellationToken ct) => Cases = await bundles.CasesAsync(draft, User, ct);
}
