namespace Tongban.Statistics.Contracts;

/// <summary>What a rebuild did: the first day rebuilt, how many days and case facts it went through, how long it took.</summary>
public sealed record RebuildSummary(DateOnly From, int Days, int Facts, TimeSpan Elapsed);

/// <summary>For <c>tongban statistics rebuild</c>: the daily roll-ups recomputed from the case facts.</summary>
public interface IStatisticsRebuild
{
    /// <summary>
    /// Deletes the roll-ups from <paramref name="from"/> (null: all) and adds every fact's contributions from that day
    /// again, one day per transaction, through the same sums as the live event handlers.
    /// </summary>
    Task<RebuildSummary> RebuildAsync(DateOnly? from, IProgress<DateOnly>? progress, CancellationToken cancellationToken);
}
