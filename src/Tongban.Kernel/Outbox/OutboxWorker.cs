using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tongban.Kernel.Outbox;

/// <summary>Runs <see cref="OutboxDispatcher"/> on every instance, every poll interval.</summary>
internal sealed class OutboxWorker(OutboxDispatcher dispatcher, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await dispatcher.DispatchDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable; keep polling.
                logger.LogError(ex, "Outbox dispatch round failed");
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
