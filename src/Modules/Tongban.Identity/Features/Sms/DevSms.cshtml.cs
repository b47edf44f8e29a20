using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Tongban.Identity.Features.Sms;

/// <summary>The development SMS outbox: messages the development sender kept. Absent unless the development sign-in is on.</summary>
internal sealed class DevSmsModel(DevelopmentSmsSender sender, IOptions<IdentityModuleOptions> options) : PageModel
{
    public IReadOnlyList<SentSms> Messages { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!options.Value.DevelopmentSignIn) return NotFound();
        Messages = sender.Messages;
        return Page();
    }
}
