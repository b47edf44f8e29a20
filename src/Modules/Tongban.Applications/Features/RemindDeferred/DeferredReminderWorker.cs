using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Hosting;

namespace Tongban.Applications.Features.RemindDeferred;

/// <summary>Runs <see cref="RemindDeferred"/> at start and then every <see cref="ApplicationsOptions.DeferredReminderInterval"/> (off when zero).</summary>
internal sealed class DeferredReminderWorker(IServiceScopeFactory scopes, IOptions<ApplicationsOptions> options, TimeProvider time, ILogger<DeferredReminderWorker> logger)
    : PeriodicWorker(time, logger)
{
    protected override TimeSpan Interval => options.Value.DeferredReminderInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<RemindDeferred>().SendDueAsync(cancellationToken);
        if (count > 0) Logger.LogInformation("Sent {Count} deferred-material reminder(s)", count);
    }
}
