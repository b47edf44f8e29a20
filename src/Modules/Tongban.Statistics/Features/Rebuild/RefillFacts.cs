using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Contracts;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Time;
using Tongban.Statistics.Data;

namespace Tongban.Statistics.Features.Rebuild;

/// <summary>
/// Fills <c>st_cases</c> again from the cases themselves (<see cref="ICaseFacts"/>), for cases that never passed through
/// the outbox (generated ones, those from before this module): the old facts deleted, then a keyset page of cases read
/// and its facts inserted in one batch per page. The roll-ups are rebuilt from the facts afterwards.
/// </summary>
internal sealed class RefillFacts(StatisticsDbContext db, ICaseFacts cases, CalendarStore calendars, RegionClock clock)
{
    public const int PageSize = 2000;

    public async Task<(int Facts, TimeSpan Elapsed)> RunAsync(IProgress<int>? progress, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var calendar = await calendars.GetAsync(ct);
        await db.Cases.ExecuteDeleteAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var (count, after) = (0, (string?)null);
        while (await cases.PageAsync(after, PageSize, ct) is { Count: > 0 } page)
        {
            db.Cases.AddRange(page.Select(row => FactsFromCases.Of(row, clock, calendar)));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            (count, after) = (count + page.Count, page[^1].Number);
            progress?.Report(count);
        }
        return (count, watch.Elapsed);
    }

    /// <summary>Whether the facts lag the cases: none kept while cases exist (a fresh demo with generated cases).</summary>
    public async Task<bool> MissingAsync(CancellationToken ct) => !await db.Cases.AnyAsync(ct) && await cases.AnyAsync(ct);
}
