using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tongban.Notifications.Features.ChooseChannels;

/// <summary>How I receive case notices (通知方式): SMS and e-mail on or off; in-app always.</summary>
[Authorize]
internal sealed class ChannelsModel(ChooseChannels choose) : PageModel
{
    public ChannelsView Channels { get; private set; } = new(true, true, null, null, false);

    /// <summary>Unchecked boxes are not posted, so a missing field means off.</summary>
    [BindProperty] public bool Sms { get; set; }

    [BindProperty] public bool Email { get; set; }

    public bool Saved { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Channels = await choose.ReadAsync(SignedInAccount.Of(User), ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Channels = await choose.SaveAsync(SignedInAccount.Of(User), new ChannelsInput(Sms, Email), ct);
        Saved = true;
        return Page();
    }
}
