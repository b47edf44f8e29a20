using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Hosting;

namespace Tongban.Kernel.Outbox;

/// <summary>Runs <see cref="OutboxDispatcher"/> on every instance, every poll interval (none when the outbox is disabled).</summary>
internal sealed class OutboxWorker(OutboxDispatcher dispatcher, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.Enabled ? options.Value.PollInterval : TimeSpan.Zero;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => dispatcher.DispatchDueAsync(cancellationToken);
}
