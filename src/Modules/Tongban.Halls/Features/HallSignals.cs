using System.Collections.Concurrent;
using Tongban.Kernel.Data;

namespace Tongban.Halls.Features;

/// <summary>
/// Wakes the calling screens of a hall on this instance when its queue changed (a ticket, a call). A change is announced
/// through <see cref="ChangeSignals"/> (<see cref="ChangeTopics.HallQueue"/>), so the screens on every instance wake at
/// once; the screens' poll (ADR 0016) stays as the last resort: this is a nudge, the database stays the truth.
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

    /// <summary>A change announced through <see cref="ChangeSignals"/>: the hall named, or every hall when none is.</summary>
    public void Changed(string? hallId)
    {
        if (Guid.TryParse(hallId, out var id)) Changed(id);
        else foreach (var hall in _next.Keys) Changed(hall);
    }
}
