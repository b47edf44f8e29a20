using System.Collections.Concurrent;

namespace Tongban.Halls.Features;

/// <summary>
/// Wakes the calling screens of a hall on this instance when its queue changed (a ticket, a call). Screens on other
/// instances learn of it at their next poll (ADR 0016): this is a nudge, the database stays the truth.
/// </summary>
internal sealed class HallSignals
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _next = new();

    /// <summary>Completes at the next change of the hall's queue.</summary>
    public Task NextChangeAsync(Guid hallId) =>
        _next.GetOrAdd(hallId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Changed(Guid hallId)
    {
        if (_next.TryRemove(hallId, out var waiting)) waiting.TrySetResult();
    }
}
