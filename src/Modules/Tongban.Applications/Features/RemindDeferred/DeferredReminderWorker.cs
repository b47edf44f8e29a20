using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tongban.Applications.Features.RemindDeferred;

/// <summary>Runs <see cref="RemindDeferred"/> at start and then every <see cref="ApplicationsOptions.DeferredReminderInterval"/> (off when zero).</summary>
internal sealed class DeferredReminderWorker(IServiceScopeFactory scopes, IOptions<ApplicationsOptions> options, TimeProvider time, ILogger<DeferredReminderWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.DeferredReminderInterval;
        if (interval <= TimeSpan.Zero) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var count = await scope.ServiceProvider.GetRequiredService<RemindDeferred>().SendDueAsync(stoppingToken);
                if (count > 0) logger.LogInformation("Sent {Count} deferred-material reminder(s)", count);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unreachable, or another instance recorded the same reminders first.
                logger.LogError(ex, "Deferred-material reminders failed");
            }
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
