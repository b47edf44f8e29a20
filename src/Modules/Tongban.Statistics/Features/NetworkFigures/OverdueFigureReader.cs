using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Web;
using Tongban.Statistics.Data;
using Tongban.Statistics.Domain;
using Tongban.Statistics.Features.Indicators;

namespace Tongban.Statistics.Features.NetworkFigures;

/// <summary>
/// The concluded cases per department over a period for the efficiency supervisor's board (kernel <see cref="IOverdueFigures"/>):
/// summed in the database by department from the daily roll-ups (as many rows as departments), the on-time rate by the
/// registry's own <c>on-time-rate</c>, so the board and the dashboard cannot disagree.
/// </summary>
internal sealed class OverdueFigureReader(StatisticsDbContext db) : IOverdueFigures
{
    public async Task<IReadOnlyList<DepartmentOverdueFigure>> ByDepartmentAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await db.Daily.AsNoTracking().Where(d => d.Day >= from && d.Day <= to && d.DepartmentCode != "")
            .GroupBy(d => d.DepartmentCode)
            .Select(g => new
            {
                g.Key, Concluded = g.Sum(d => d.Figures.Concluded), WithDue = g.Sum(d => d.Figures.ConcludedWithDue),
                OnTime = g.Sum(d => d.Figures.ConcludedOnTime), Late = g.Sum(d => d.Figures.ConcludedLate),
            })
            .ToListAsync(cancellationToken);
        var rate = IndicatorRegistry.Find("on-time-rate")!;
        return [.. rows.Where(r => r.Concluded > 0)
            .Select(r => new DepartmentOverdueFigure(r.Key, r.Concluded, r.WithDue, r.OnTime, r.Late,
                rate.Value(new Measures { Concluded = r.Concluded, ConcludedWithDue = r.WithDue, ConcludedOnTime = r.OnTime, ConcludedLate = r.Late })))
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.OnTimeRate ?? 101m).ThenBy(r => r.DepartmentCode, StringComparer.Ordinal)];
    }
}
