using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Security;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;
using Tongban.Statistics.Contracts;
using Tongban.Statistics.Data;
using Tongban.Statistics.Domain;
using Tongban.Statistics.Features.Indicators;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.PublicPerformance;

/// <summary>A month's figures as the public reads them: each department's counts and its three rates.</summary>
internal sealed record PublicMonth(string Month, DateTimeOffset? PublishedAt, string? PublishedBy, IReadOnlyList<PublicDepartmentRow> Rows)
{
    /// <summary>The three indicators the page publishes, defined once in <see cref="IndicatorRegistry"/>.</summary>
    public static readonly Indicator OnTime = IndicatorRegistry.Find("on-time-rate")!, GoodRatings = IndicatorRegistry.Find("good-rate")!;
    public static readonly ItemIndicator Online = IndicatorRegistry.FindItem("online-rate")!;

    public static decimal? OnTimeRate(PublicDepartmentRow r) => OnTime.Value(Measures(r));

    public static decimal? GoodRate(PublicDepartmentRow r) => GoodRatings.Value(Measures(r));

    public static decimal? OnlineRate(PublicDepartmentRow r) => Indicator.Figure(r.OnlineItems, r.Items, Unit.Percent);

    /// <summary>The row's counts as the indicators' measures, so that each rate is its indicator's own formula.</summary>
    private static Measures Measures(PublicDepartmentRow r) =>
        new() { ConcludedWithDue = r.ConcludedWithDue, ConcludedOnTime = r.ConcludedOnTime, Rated = r.Rated, RatedBad = r.RatedBad };

    /// <summary>The region's row: every department's counts summed.</summary>
    public PublicDepartmentRow Total => new()
    {
        DepartmentCode = "", NameZh = "全市合计", NameEn = "Whole region",
        Concluded = Rows.Sum(r => r.Concluded), ConcludedWithDue = Rows.Sum(r => r.ConcludedWithDue), ConcludedOnTime = Rows.Sum(r => r.ConcludedOnTime),
        Rated = Rows.Sum(r => r.Rated), RatedBad = Rows.Sum(r => r.RatedBad), Items = Rows.Sum(r => r.Items), OnlineItems = Rows.Sum(r => r.OnlineItems),
    };
}

/// <summary>
/// The public performance figures (政务服务效能公示), published a month at a time by the efficiency supervisor (or the
/// command line): per department, cases concluded and the on-time rate, ratings and the good-rating rate (from the
/// daily roll-ups of the month's days), and the online-handling rate of its items in effect when published (from the
/// catalog). Only counts are kept and shown — no case, no person. A month is published once it has ended; publishing
/// it again replaces the snapshot and keeps who and when.
/// </summary>
internal sealed class PublicPerformance(StatisticsDbContext db, FigureReader figures, ICatalogFigures catalog, Labels labels, RegionClock clock) : IPerformancePublisher
{
    /// <summary>The months published, newest first.</summary>
    public async Task<IReadOnlyList<string>> MonthsAsync(CancellationToken ct) =>
        await db.Published.AsNoTracking().OrderByDescending(m => m.Month).Select(m => m.Month).ToListAsync(ct);

    /// <summary>A published month (the newest when none is asked for), or null when nothing is published yet.</summary>
    public async Task<PublicMonth?> PublishedAsync(string? month, CancellationToken ct)
    {
        var query = db.Published.AsNoTracking();
        var asked = string.IsNullOrWhiteSpace(month) ? null : Check(month);
        var found = asked is null
            ? await query.OrderByDescending(m => m.Month).FirstOrDefaultAsync(ct)
            : await query.SingleOrDefaultAsync(m => m.Month == asked, ct)
              ?? throw new DomainException(new DomainError("statistics.month_unpublished", "该月的效能数据尚未公示", "That month's figures are not published", ErrorKind.NotFound, "month"));
        return found is null ? null : new PublicMonth(found.Month, found.PublishedAt, found.PublishedBy, Ordered(found.Rows));
    }

    /// <summary>What publishing the month would show now, before it is published.</summary>
    public async Task<PublicMonth> PreviewAsync(string? month, CancellationToken ct)
    {
        var checkedMonth = Check(month);
        return new PublicMonth(checkedMonth, null, null, await ComputeAsync(checkedMonth, ct));
    }

    async Task<PublishedSummary> IPerformancePublisher.PublishAsync(string? month, string actor, CancellationToken ct)
    {
        var published = await PublishAsync(month ?? LastEndedMonth(), actor, ct);
        return new PublishedSummary(published.Month, published.Rows.Count, published.Total.Concluded);
    }

    public async Task<PublicMonth> PublishAsync(string? month, string actor, CancellationToken ct)
    {
        var checkedMonth = Check(month);
        var rows = await ComputeAsync(checkedMonth, ct);
        var at = clock.UtcNow;
        var existing = await db.Published.SingleOrDefaultAsync(m => m.Month == checkedMonth, ct);
        if (existing is null) db.Published.Add(PublishedMonth.Publish(checkedMonth, rows, actor, at));
        else existing.Republish(rows, actor, at);
        await db.SaveChangesAsync(ct);
        return new PublicMonth(checkedMonth, at, actor, rows);
    }

    /// <summary>
    /// The month before <paramref name="today"/>'s published by the system when it is due — from <paramref name="onDay"/>
    /// of today's month — and nobody has published it; its month, or null when nothing was due. Two instances at once
    /// publish it once (the month is the key; the loser finds it published).
    /// </summary>
    public async Task<string?> PublishDueAsync(DateOnly today, int onDay, CancellationToken ct)
    {
        var month = LastEndedMonth(today);
        if (today.Day < onDay || await db.Published.AnyAsync(m => m.Month == month, ct)) return null;
        try
        {
            await PublishAsync(month, Actor.System, ct);
            return month;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (await db.Published.AsNoTracking().AnyAsync(m => m.Month == month, ct)) return null;
            throw;
        }
    }

    /// <summary>The last ended month: what is published by default.</summary>
    public string LastEndedMonth() => LastEndedMonth(clock.Today);

    private static string LastEndedMonth(DateOnly today) => Month(new DateOnly(today.Year, today.Month, 1).AddMonths(-1));

    private async Task<IReadOnlyList<PublicDepartmentRow>> ComputeAsync(string month, CancellationToken ct)
    {
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var cases = await figures.ReadAsync(new FigureQuery(PublicMonth.OnTime, By.Department, first, first.AddMonths(1).AddDays(-1), null), ct);
        var byDepartment = cases.Rows.ToDictionary(r => r.Key, r => r.Measures, StringComparer.Ordinal);
        var items = (await catalog.ListAsync(null, ct)).GroupBy(i => i.DepartmentCreditCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        List<PublicDepartmentRow> rows = [];
        foreach (var code in byDepartment.Keys.Union(items.Keys).Where(c => c.Length > 0))
        {
            var (zh, en) = await labels.DepartmentAsync(code, ct);
            var m = byDepartment.GetValueOrDefault(code) ?? new Measures();
            var its = items.GetValueOrDefault(code) ?? [];
            var (online, _, _) = PublicMonth.Online.Of(its);
            rows.Add(new PublicDepartmentRow
            {
                DepartmentCode = code, NameZh = zh, NameEn = en,
                Concluded = m.Concluded, ConcludedWithDue = m.ConcludedWithDue, ConcludedOnTime = m.ConcludedOnTime,
                Rated = m.Rated, RatedBad = m.RatedBad, Items = its.Count, OnlineItems = online,
            });
        }
        return Ordered(rows);
    }

    private static List<PublicDepartmentRow> Ordered(IEnumerable<PublicDepartmentRow> rows) =>
        [.. rows.OrderByDescending(r => r.Concluded).ThenBy(r => r.NameZh, StringComparer.Ordinal)];

    /// <summary>"yyyy-MM", an ended month, not before 2000: 400 naming the fault otherwise.</summary>
    private string Check(string? month)
    {
        var text = month?.Trim() ?? "";
        if (!DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) || text.Length != 7)
            throw Bad("statistics.month", "月份的格式应为“年-月”，例如 2026-11", "The month is written year-month, e.g. 2026-11");
        if (first < FigureRequest.Earliest)
            throw Bad("statistics.month_range", "月份不能早于2000年1月", "The month cannot be before January 2000");
        if (first.AddMonths(1) > clock.Today)
            throw Bad("statistics.month_not_ended", "只能公示已经结束的月份", "Only a month that has ended can be published");
        return Month(first);
    }

    private static string Month(DateOnly first) => first.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DomainException Bad(string code, string zh, string en) => new(new DomainError(code, zh, en, ErrorKind.BadRequest, "month"));
}
