using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Tongban.Notifications.Features.Email;

/// <summary>The development mailbox: mails the development sender kept. Absent unless the development sign-in is on.</summary>
internal sealed class DevMailModel(DevelopmentEmailSender sender, IOptions<NotificationsOptions> options) : PageModel
{
    public IReadOnlyList<SentMail> Mails { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!options.Value.DevelopmentSenders) return NotFound();
        Mails = sender.Mails;
        return Page();
    }
}
