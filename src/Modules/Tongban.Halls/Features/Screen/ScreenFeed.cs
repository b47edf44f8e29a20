using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Halls.Features.HallStatus;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.Screen;

/// <summary>A hall's screen state as sent (JSON), and the change that will make it stale.</summary>
internal sealed record ScreenSnapshot(string State, Task Change);

/// <summary>
/// One read of a hall's screen state per change, shared by every screen of the hall following it on this instance: a
/// call used to wake 200 streams that each read the same state. A snapshot serves until the hall changes, on any
/// instance (<see cref="HallSignals"/>), or it is half a poll old, so a change whose notice was lost still arrives
/// within a poll and a half (ADR 0016).
/// </summary>
internal sealed class ScreenFeed(IServiceScopeFactory scopes, HallSignals signals, RegionClock clock, TimeProvider time, IOptions<HallsOptions> options)
{
    private sealed record Entry(Task Change, DateTimeOffset ReadAt, Task<ScreenSnapshot> Snapshot);

    private readonly Dictionary<Guid, Entry> _latest = [];

    public Task<ScreenSnapshot> LatestAsync(Guid hallId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        lock (_latest)
        {
            if (_latest.TryGetValue(hallId, out var entry) && !entry.Change.IsCompleted && !entry.Snapshot.IsFaulted
                && now - entry.ReadAt < options.Value.ScreenPoll / 2)
                return entry.Snapshot.WaitAsync(ct);
            var change = signals.NextChangeAsync(hallId); // taken before the read: a change during it makes the snapshot stale
            _latest[hallId] = entry = new Entry(change, now, Task.Run(() => ReadAsync(hallId, change), CancellationToken.None));
            return entry.Snapshot.WaitAsync(ct);
        }
    }

    private async Task<ScreenSnapshot> ReadAsync(Guid hallId, Task change)
    {
        await using var scope = scopes.CreateAsyncScope();
        var now = await scope.ServiceProvider.GetRequiredService<HallQueue>().NowAsync(hallId, ScreenState.CallsShown, CancellationToken.None);
        return new ScreenSnapshot(JsonSerializer.Serialize(ScreenState.From(now, clock), JsonOptions), change);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
