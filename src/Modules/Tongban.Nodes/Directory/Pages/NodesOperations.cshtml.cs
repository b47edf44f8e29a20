using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Security;

namespace Tongban.Nodes.Directory.Pages;

/// <summary>The platform operator's page of members' nodes (<c>/admin/nodes</c>); the same figures as <c>GET /api/nodes/operations</c>.</summary>
[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class NodesOperationsModel(NodeOperations operations) : PageModel
{
    public IReadOnlyList<NodeOperationsView> Nodes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Nodes = await operations.ListAsync(ct);
}
