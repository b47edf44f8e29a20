using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Web;
using Tongban.Statistics.Data;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.NetworkFigures;

/// <summary>
/// Cases accepted by level of division and channel for the service network's pages (kernel <see cref="INetworkFigures"/>):
/// summed in the database by division and channel from the daily roll-ups (as many rows as divisions × channels, never
/// the cases), then each division's sums put under its level as the statistics' <c>by=level</c> does (<see cref="Labels.LevelOfAsync"/>).
/// </summary>
internal sealed class NetworkFigureReader(StatisticsDbContext db, Labels labels) : INetworkFigures
{
    public async Task<IReadOnlyList<NetworkFigure>> AcceptedAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var rows = await db.Daily.AsNoTracking().Where(d => d.Day >= from && d.Day <= to)
            .GroupBy(d => new { d.DivisionCode, d.Channel })
            .Select(g => new { g.Key.DivisionCode, g.Key.Channel, Accepted = g.Sum(d => d.Figures.Accepted) })
            .ToListAsync(cancellationToken);
        var sums = new Dictionary<(string Level, string Channel), long>();
        foreach (var row in rows.Where(r => r.Accepted != 0))
        {
            var level = Labels.LevelKey(await labels.LevelOfAsync(row.DivisionCode, cancellationToken)) is { Length: > 0 } l ? l : "other";
            sums[(level, row.Channel)] = sums.GetValueOrDefault((level, row.Channel)) + row.Accepted;
        }
        return [.. sums.OrderBy(s => s.Key.Level, StringComparer.Ordinal).ThenBy(s => s.Key.Channel, StringComparer.Ordinal)
            .Select(s => new NetworkFigure(s.Key.Level, s.Key.Channel, s.Value))];
    }
}
