using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tongban.Statistics.Features.PublicPerformance;

/// <summary>
/// Publishes the last ended month on its own (<see cref="PublicPerformance.PublishDueAsync"/>) from
/// <see cref="StatisticsOptions.PublishOnDay"/> of each month, every <see cref="StatisticsOptions.PublishCheckInterval"/>:
/// the public page (政务服务效能公示) is published monthly even when nobody remembers to.
/// </summary>
internal sealed partial class PerformancePublishWorker(IServiceScopeFactory scopes, IOptions<StatisticsOptions> options, Kernel.Time.RegionClock clock,
    ILogger<PerformancePublishWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.PublishOnDay <= 0 || options.Value.PublishCheckInterval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(options.Value.PublishCheckInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<PublicPerformance>().PublishDueAsync(clock.Today, options.Value.PublishOnDay, stoppingToken) is { } month)
                    Published(logger, month);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published the public performance figures of {Month}")]
    private static partial void Published(ILogger logger, string month);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing the public performance figures failed; the next check tries again")]
    private static partial void Failed(ILogger logger, Exception exception);
}
