using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Hosting;

namespace Tongban.Kernel.Audit.Checkpoints;

/// <summary>Looks every <see cref="CheckpointOptions.PollInterval"/> whether a chain's checkpoint is due, on every instance (none when zero).</summary>
internal sealed class CheckpointWorker(CheckpointSigner signer, IOptions<CheckpointOptions> options, TimeProvider clock, ILogger<CheckpointWorker> logger)
    : PeriodicWorker(clock, logger)
{
    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => signer.SignDueAsync(force: false, cancellationToken);
}
