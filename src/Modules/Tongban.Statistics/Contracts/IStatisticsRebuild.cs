namespace Tongban.Statistics.Contracts;

/// <summary>
/// What a rebuild did: the first day rebuilt, how many days and case facts it went through, how long it took; with the
/// facts refilled from the cases, how long that part took.
/// </summary>
public sealed record RebuildSummary(DateOnly From, int Days, int Facts, TimeSpan Elapsed, TimeSpan? FactsElapsed = null);

/// <summary>For <c>tongban statistics rebuild</c>: the daily roll-ups recomputed from the case facts, the facts from the cases.</summary>
public interface IStatisticsRebuild
{
    /// <summary>
    /// Deletes the roll-ups from <paramref name="from"/> (null: all) and adds every fact's contributions from that day
    /// again, one day per transaction, through the same sums as the live event handlers.
    /// </summary>
    Task<RebuildSummary> RebuildAsync(DateOnly? from, IProgress<DateOnly>? progress, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces every case fact by one made from the case as Applications holds it now (cases generated or older than the
    /// statistics never passed through the outbox), then rebuilds all roll-ups. With <paramref name="onlyWhenMissing"/>,
    /// only when there are cases but no facts at all; null when nothing was done.
    /// </summary>
    Task<RebuildSummary?> RefillFactsAsync(bool onlyWhenMissing, IProgress<int>? progress, CancellationToken cancellationToken);
}
