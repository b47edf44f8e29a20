using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Time;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;

namespace Tongban.Nodes.Node;

/// <summary>
/// Operational monitoring on a node: each call counted in memory by day, side, service and outcome, with its duration —
/// never its payload or subject — and what was counted since the last time added to <c>nd_operation_counts</c> before
/// every report to the centre (<see cref="ReportCountsAsync"/>), so a call costs no database write of its own. A crash
/// loses at most the counts since the last report (one refresh interval); the message log keeps every message regardless.
/// </summary>
internal sealed class OperationCounter(IServiceScopeFactory scopes, IOptions<NodesOptions> options, RegionClock clock) : IDisposable
{
    /// <summary>How many days back a report carries: today and yesterday, so the last calls before midnight are not lost.</summary>
    private const int ReportedDays = 2;

    private sealed class Tally
    {
        public long Calls, TotalMilliseconds, MaxMilliseconds, FlushedCalls, FlushedMilliseconds;

        /// <summary>A stored row's totals with what was counted here since the last flush (call under the tally's lock).</summary>
        public (long Calls, long Total, long Max) Over((long Calls, long Total, long Max) stored) =>
            (stored.Calls + Calls - FlushedCalls, stored.Total + TotalMilliseconds - FlushedMilliseconds, Math.Max(stored.Max, MaxMilliseconds));
    }

    private readonly record struct Key(DateOnly Day, string Side, string Service, string Outcome);

    private readonly ConcurrentDictionary<Key, Tally> _tallies = new();
    private readonly SemaphoreSlim _flush = new(1, 1);

    /// <summary>
    /// A service as counted: <c>{provider}/{code}</c> when the held configuration names it, else <c>unknown</c> — so what a
    /// caller or an unsigned message claims never becomes a row of its own.
    /// </summary>
    public static string ServiceName(NodeConfiguration? configuration, string provider, string code) =>
        configuration?.Service(provider.Trim().ToUpperInvariant(), code) is { } service ? $"{service.Provider}/{service.Code}" : "unknown";

    public void Record(string side, string service, string outcome, TimeSpan elapsed)
    {
        var tally = _tallies.GetOrAdd(new Key(clock.Today, side, service, outcome), _ => new Tally());
        var ms = (long)elapsed.TotalMilliseconds;
        lock (tally)
        {
            tally.Calls++;
            tally.TotalMilliseconds += ms;
            tally.MaxMilliseconds = Math.Max(tally.MaxMilliseconds, ms);
        }
    }

    /// <summary>Adds what was counted since the last time to the table and returns the recent days' totals.</summary>
    public async Task<IReadOnlyList<ServiceCount>> ReportCountsAsync(CancellationToken cancellationToken)
    {
        await _flush.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
            var node = options.Value.NodeId;
            var from = clock.Today.AddDays(1 - ReportedDays);
            var days = _tallies.Keys.Select(k => k.Day).Distinct().ToList();
            var held = (await db.OperationCounts.Where(c => c.Node == node && days.Contains(c.Day)).ToListAsync(CancellationToken.None))
                .ToDictionary(c => new Key(c.Day, c.Side, c.Service, c.Outcome));
            foreach (var (key, tally) in _tallies)
            {
                var row = held.GetValueOrDefault(key);
                if (row is null) db.OperationCounts.Add(row = new OperationCount { Node = node, Day = key.Day, Side = key.Side, Service = key.Service, Outcome = key.Outcome });
                lock (tally)
                {
                    (row.Calls, row.TotalMilliseconds, row.MaxMilliseconds) = tally.Over((row.Calls, row.TotalMilliseconds, row.MaxMilliseconds));
                    (tally.FlushedCalls, tally.FlushedMilliseconds) = (tally.Calls, tally.TotalMilliseconds);
                }
                if (key.Day < from) _tallies.TryRemove(key, out _); // nothing counts on a past day any more
            }
            await db.SaveChangesAsync(CancellationToken.None);
            return await db.OperationCounts.AsNoTracking().Where(c => c.Node == node && c.Day >= from)
                .OrderBy(c => c.Day).ThenBy(c => c.Side).ThenBy(c => c.Service).ThenBy(c => c.Outcome)
                .Select(c => new ServiceCount(c.Day, c.Side, c.Service, c.Outcome, c.Calls, c.TotalMilliseconds, c.MaxMilliseconds)).ToListAsync(cancellationToken);
        }
        finally
        {
            _flush.Release();
        }
    }

    /// <summary>Today's counts as they stand — the table's rows and what is counted in memory since the last report — without writing.</summary>
    public async Task<IReadOnlyList<ServiceCount>> TodayAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var (node, today) = (options.Value.NodeId, clock.Today);
        var rows = await scope.ServiceProvider.GetRequiredService<NodesDbContext>().OperationCounts.AsNoTracking()
            .Where(c => c.Node == node && c.Day == today).ToListAsync(cancellationToken);
        var counts = rows.ToDictionary(c => new Key(c.Day, c.Side, c.Service, c.Outcome), c => (c.Calls, c.TotalMilliseconds, c.MaxMilliseconds));
        foreach (var (key, tally) in _tallies.Where(t => t.Key.Day == today))
            lock (tally) counts[key] = tally.Over(counts.GetValueOrDefault(key));
        return [.. counts.OrderBy(c => c.Key.Side, StringComparer.Ordinal).ThenBy(c => c.Key.Service, StringComparer.Ordinal).ThenBy(c => c.Key.Outcome, StringComparer.Ordinal)
            .Select(c => new ServiceCount(c.Key.Day, c.Key.Side, c.Key.Service, c.Key.Outcome, c.Value.Calls, c.Value.TotalMilliseconds, c.Value.MaxMilliseconds))];
    }

    public void Dispose() => _flush.Dispose();
}
