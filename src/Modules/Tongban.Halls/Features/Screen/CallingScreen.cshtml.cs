using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Halls.Features.HallStatus;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.Screen;

/// <summary>The hall's calling screen (叫号屏): rendered whole by the server, then kept current by its event stream.</summary>
internal sealed class CallingScreenModel(HallPlaces halls, HallQueue queue, RegionClock clock) : PageModel
{
    public HallPlace Hall { get; private set; } = null!;
    public ScreenState State { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string hall, CancellationToken ct)
    {
        Hall = await halls.GetAsync(hall, ct);
        State = ScreenState.From(await queue.NowAsync(Hall.Id, ScreenState.CallsShown, ct), clock);
        return Page();
    }
}
