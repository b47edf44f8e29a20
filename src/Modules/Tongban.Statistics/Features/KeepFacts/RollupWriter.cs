using Tongban.Statistics.Data;
using Tongban.Statistics.Domain;

namespace Tongban.Statistics.Features.KeepFacts;

/// <summary>
/// Adds a <see cref="Rollup"/>'s changes to the daily rows and to their months' rows (a missing row is created) in the
/// caller's unit of work. The live handlers and the rebuild write through here, so both sum the same way.
/// </summary>
internal sealed class RollupWriter(StatisticsDbContext db)
{
    /// <param name="fresh">
    /// The rows of these days were just deleted (a rebuild): add the daily rows without looking for them, and leave the
    /// months to the rebuild, which sums them from the days it wrote (<see cref="Rebuild.RebuildRollups"/>).
    /// </param>
    public async Task AddAsync(Rollup rollup, bool fresh, CancellationToken ct)
    {
        foreach (var (slice, itemName, figures) in rollup.Changes)
        {
            var row = fresh ? null : await db.Daily.FindAsync([slice.Day, slice.DepartmentCode, slice.DivisionCode, slice.ItemCode, slice.Channel], ct);
            if (row is null) db.Daily.Add(DailyFigures.For(slice, itemName, figures));
            else if (row.Add(figures).IsZero) db.Daily.Remove(row); // a slice a late event emptied (its department was not known yet)
            if (fresh) continue;
            var month = await db.Monthly.FindAsync([RollupRow.MonthOf(slice.Day), slice.DepartmentCode, slice.DivisionCode, slice.ItemCode, slice.Channel], ct);
            if (month is null) db.Monthly.Add(MonthlyFigures.For(slice, itemName, figures));
            else if (month.Add(figures).IsZero) db.Monthly.Remove(month);
        }
    }
}
