using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;

namespace Tongban.Kernel.Calendar;

/// <summary>
/// Keeps the current <see cref="WorkingDayCalendar"/> in memory. Reloaded after an edit at once (<see cref="ChangeSignals"/>, on every instance),
/// and every <see cref="RefreshInterval"/> otherwise, in case a notice was lost.
/// An edit committed while a reload is reading does not let that reload count as fresh (the generation).
/// </summary>
public sealed class CalendarStore(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private WorkingDayCalendar? _current;
    private DateTimeOffset _loadedAt;
    private long _generation, _loadedGeneration = -1;

    public async ValueTask<WorkingDayCalendar> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_current is { } current && IsFresh) return current;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_current is null || !IsFresh)
                await ReloadCoreAsync(cancellationToken);
            return _current!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => Interlocked.Increment(ref _generation);

    private bool IsFresh => Interlocked.Read(ref _loadedGeneration) == Interlocked.Read(ref _generation) && clock.GetUtcNow() - _loadedAt < RefreshInterval;

    public void Dispose() => _gate.Dispose();

    private async Task ReloadCoreAsync(CancellationToken ct)
    {
        var generation = Interlocked.Read(ref _generation);
        var startedAt = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var days = await db.CalendarDays.AsNoTracking().Select(d => new { d.Date, d.Kind }).ToListAsync(ct);
        _current = new WorkingDayCalendar(days.Select(d => (d.Date, d.Kind)));
        _loadedAt = startedAt;
        Interlocked.Exchange(ref _loadedGeneration, generation);
    }
}
