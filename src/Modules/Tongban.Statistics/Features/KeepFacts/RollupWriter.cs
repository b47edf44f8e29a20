using Tongban.Statistics.Data;
using Tongban.Statistics.Domain;

namespace Tongban.Statistics.Features.KeepFacts;

/// <summary>
/// Adds a <see cref="Rollup"/>'s changes to the daily rows (a missing row is created) in the caller's unit of work. The
/// live handlers and the rebuild write through here, so both sum the same way.
/// </summary>
internal sealed class RollupWriter(StatisticsDbContext db)
{
    /// <param name="fresh">The rows of these days were just deleted (a rebuild): add them without looking for them.</param>
    public async Task AddAsync(Rollup rollup, bool fresh, CancellationToken ct)
    {
        foreach (var (slice, itemName, figures) in rollup.Changes)
        {
            var row = fresh ? null : await db.Daily.FindAsync([slice.Day, slice.DepartmentCode, slice.DivisionCode, slice.ItemCode, slice.Channel], ct);
            if (row is null) db.Daily.Add(DailyFigures.For(slice, itemName, figures));
            else if (row.Add(figures).IsZero) db.Daily.Remove(row); // a slice a late event emptied (its department was not known yet)
        }
    }
}
