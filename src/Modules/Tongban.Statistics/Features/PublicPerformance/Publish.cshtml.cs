using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Security;

namespace Tongban.Statistics.Features.PublicPerformance;

/// <summary>
/// The efficiency supervisor publishes a month's public figures: the page shows what the month would publish now
/// (or what was published, and by whom), and publishes it — again, if the figures changed since.
/// </summary>
[Authorize(PerformanceEndpoints.PublisherPolicy)]
internal sealed class PublishModel(PublicPerformance performance, ActorDirectory actors) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }

    public PublicMonth? Preview { get; private set; }
    public PublicMonth? Published { get; private set; }
    public string? PublishedBy { get; private set; }
    public IReadOnlyList<string> Months { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Month = string.IsNullOrWhiteSpace(Month) ? performance.LastEndedMonth() : Month.Trim();
        Months = await performance.MonthsAsync(ct);
        Preview = await performance.PreviewAsync(Month, ct);
        if (Months.Contains(Preview.Month, StringComparer.Ordinal))
        {
            Published = await performance.PublishedAsync(Preview.Month, ct);
            // A person by name and role; the platform itself (the demo, a scheduled command) is said in the sentence.
            PublishedBy = Published!.PublishedBy is Actor.System or "" ? null : (await actors.NamesAsync([Published.PublishedBy], ct)).Of(Published.PublishedBy);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Months = await performance.MonthsAsync(ct);
        var published = await performance.PublishAsync(Month, Actor.Of(User), ct);
        return RedirectToPage(new { month = published.Month, done = 1 });
    }
}
