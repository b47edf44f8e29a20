using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Federation.Features.CatalogFeed;
using Tongban.Federation.Features.PushUp;
using Tongban.Federation.Features.Reconcile;
using Tongban.Kernel.Hosting;

namespace Tongban.Federation.Features;

/// <summary>On a city: pushes what is due every <c>Federation:PushInterval</c>.</summary>
internal sealed class PushWorker(IServiceScopeFactory scopes, IOptions<FederationOptions> options, TimeProvider clock, ILogger<PushWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.PushInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Pusher>().PushDueAsync(cancellationToken);
    }
}

/// <summary>
/// On a city: reconciles yesterday and today with the province every <c>Federation:ReconcileInterval</c>, then deletes
/// the acknowledged rows older than <c>Federation:KeepSentDays</c> (<see cref="Pruner"/>).
/// </summary>
internal sealed class ReconcileWorker(IServiceScopeFactory scopes, IOptions<FederationOptions> options, TimeProvider clock, ILogger<ReconcileWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.ReconcileInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Reconciler>().ReconcileAsync(null, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Pruner>().PruneAsync(cancellationToken);
    }
}

/// <summary>On a city: pulls the provincial catalog feed every <c>Federation:CatalogPullInterval</c>.</summary>
internal sealed class CatalogPullWorker(IServiceScopeFactory scopes, IOptions<FederationOptions> options, TimeProvider clock, ILogger<CatalogPullWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.CatalogPullInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CatalogPuller>().PullAsync(fromStart: false, cancellationToken);
    }
}
