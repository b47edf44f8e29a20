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

    public void ChangedAll()
    {
        foreach (var hallId in _next.Keys) Changed(hallId);
    }
}

/// <summary>A hall's queue changed on some instance: this instance's screens of the hall wake (all of them, when no hall is named).</summary>
internal sealed class HallQueueListener(HallSignals signals) : IChangeListener
{
    public string Topic => ChangeTopics.HallQueue;

    public Task ChangedAsync(string? subject, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(subject, out var hallId)) signals.Changed(hallId);
        else signals.ChangedAll();
        return Task.CompletedTask;
    }
}
