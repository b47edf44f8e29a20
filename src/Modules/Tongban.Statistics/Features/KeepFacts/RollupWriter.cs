using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Data;
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
        if (!fresh) await KeyLocks.TakeAsync(db, LockSpace, rollup.Changes.SelectMany(c => RowKeys(c.Slice)), ct);
        foreach (var (slice, itemName, figures) in rollup.Changes)
        {
            if (fresh) db.Daily.Add(DailyFigures.For(slice, itemName, figures));
            else
            {
                await AddAsync(db.Daily, [slice.Day, slice.DepartmentCode, slice.DivisionCode, slice.ItemCode, slice.Channel], () => DailyFigures.For(slice, itemName, figures), figures, ct);
                await AddAsync(db.Monthly, [RollupRow.MonthOf(slice.Day), slice.DepartmentCode, slice.DivisionCode, slice.ItemCode, slice.Channel],
                    () => MonthlyFigures.For(slice, itemName, figures), figures, ct);
            }
        }
    }

    /// <summary>The roll-up rows' lock space (<see cref="KeyLocks"/>): "st" and a row kind.</summary>
    private const int LockSpace = 0x7374_0001;

    /// <summary>
    /// The daily and monthly rows a change adds to, by key: locked before they are read, so that two instances' workers
    /// add to a busy day's row one after the other instead of the second failing on the first's revision.
    /// </summary>
    private static IEnumerable<string> RowKeys(Slice slice)
    {
        var rest = $"{slice.DepartmentCode}|{slice.DivisionCode}|{slice.ItemCode}|{slice.Channel}";
        return [$"d|{slice.Day:yyyy-MM-dd}|{rest}", $"m|{RollupRow.MonthOf(slice.Day)}|{rest}"];
    }

    /// <summary>Adds to the row of <paramref name="key"/>, made when missing and removed when a late event emptied it (its department was not known yet).</summary>
    private static async Task AddAsync<TRow>(DbSet<TRow> rows, object[] key, Func<TRow> make, Measures figures, CancellationToken ct) where TRow : RollupRow
    {
        var row = await rows.FindAsync(key, ct);
        if (row is null) rows.Add(make());
        else if (row.Add(figures).IsZero) rows.Remove(row);
    }
}
