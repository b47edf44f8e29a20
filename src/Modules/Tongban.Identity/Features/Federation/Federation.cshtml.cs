using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Features.Federation;

/// <summary>The upstream provider as configured (<c>Identity:Federation</c>), read-only: it is changed in configuration and takes effect at restart.</summary>
[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class FederationModel(IOptions<FederationOptions> options) : PageModel
{
    public FederationOptions Upstream => options.Value;
}
