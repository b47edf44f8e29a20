using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Notifications.Features.ReadMessages;

/// <summary>My messages (我的消息): newest first, unread marked, each can be marked read, or all at once.</summary>
[Authorize]
internal sealed class MyMessagesModel(Inbox inbox) : PageModel
{
    public InboxView Inbox { get; private set; } = new(0, []);

    public async Task OnGetAsync(CancellationToken ct) => Inbox = await inbox.ReadAsync(User, ct);

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken ct)
    {
        await inbox.MarkReadAsync(User, id, ct);
        return Redirect("/my/messages");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await inbox.MarkAllReadAsync(User, ct);
        return Redirect("/my/messages");
    }
}
