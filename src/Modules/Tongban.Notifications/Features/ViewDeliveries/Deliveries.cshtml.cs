using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Security;
using Tongban.Notifications.Domain;

namespace Tongban.Notifications.Features.ViewDeliveries;

[Authorize(Policies.SystemAdministrator)]
internal sealed class DeliveriesModel(DeliveryLog log) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? CaseNumber { get; set; }
    [BindProperty(SupportsGet = true)] public DeliveryStatus? Status { get; set; }

    public IReadOnlyList<DeliveryView> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Rows = await log.ListAsync(CaseNumber, Status, ct);
}
