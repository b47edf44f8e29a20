using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tongban.Kernel.Hosting;

/// <summary>
/// Background work run at start and then every <see cref="Interval"/> on every instance (none when the interval is
/// zero or less). A failed round is logged and the next one runs as usual: the database may be briefly unreachable,
/// or another instance did the same work first.
/// </summary>
public abstract class PeriodicWorker(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>What one round does.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Logger.LogError(ex, "{Worker} round failed", GetType().Name);
            }
            try
            {
                await Task.Delay(Interval, Clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
