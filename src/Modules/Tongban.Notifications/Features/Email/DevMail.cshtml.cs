using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Tongban.Notifications.Features.Email;

/// <summary>The development mailbox: mails the development sender kept, their links clickable. Absent unless the development sign-in is on.</summary>
internal sealed partial class DevMailModel(DevelopmentEmailSender sender, IOptions<NotificationsOptions> options) : PageModel
{
    public IReadOnlyList<SentMail> Mails { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!options.Value.DevelopmentSenders) return NotFound();
        Mails = sender.Mails;
        return Page();
    }

    [GeneratedRegex(@"(https?://\S+)")]
    public static partial Regex Link();
}
