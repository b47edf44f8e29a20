using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tongban.Catalog.Search;

/// <summary>
/// Builds the search index as soon as the host has started, so the first search does not wait for it (at 220,000
/// items building takes seconds). Tries again while the database is not there yet.
/// </summary>
internal sealed class SearchIndexWarmup(SearchIndexStore store, ILogger<SearchIndexWarmup> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested && !store.IsBuilt)
        {
            try
            {
                await store.GetAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Building the search index failed; trying again in {Seconds} s", RetryAfter.TotalSeconds);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }
}

/// <summary>
/// Ready only once the search index is built: a load balancer sends no searches to an instance still building it.
/// A check that finds it building (<see cref="SearchIndexWarmup"/> builds it) waits for it a moment (<see cref="WaitAtMost"/>) rather than fail at once.
/// </summary>
internal sealed class SearchIndexReadiness(SearchIndexStore store) : IHealthCheck
{
    public TimeSpan WaitAtMost { get; init; } = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.Built.WaitAsync(WaitAtMost, cancellationToken);
            return HealthCheckResult.Healthy("search index built");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy("search index building");
        }
    }
}
