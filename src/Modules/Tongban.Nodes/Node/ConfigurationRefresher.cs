using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Hosting;

namespace Tongban.Nodes.Node;

/// <summary>
/// Fetches the centre's configuration every <c>Nodes:RefreshInterval</c>, and at once when the centre says something changed
/// (<see cref="RefreshNowAsync"/>: a revoked grant). The centre being down, or a document kept out, is a warning: the node
/// works on what it holds until that expires.
/// </summary>
internal sealed class ConfigurationRefresher(IHttpClientFactory http, ConfigurationStore store, IOptions<NodesOptions> options, TimeProvider clock,
    ILogger<ConfigurationRefresher> logger) : PeriodicWorker(clock, logger)
{
    public const string HttpClientName = "tongban-directory";

    protected override TimeSpan Interval => string.IsNullOrWhiteSpace(options.Value.DirectoryAddress) ? TimeSpan.Zero : options.Value.RefreshInterval;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _lastStarted = DateTimeOffset.MinValue;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => RefreshNowAsync(cancellationToken);

    /// <summary>
    /// One fetch at a time; a request that arrives while another fetch runs waits and is answered by the next one, and
    /// requests that queued behind the same fetch share it, so a burst of notices costs the centre one or two fetches.
    /// </summary>
    public async Task RefreshNowAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.DirectoryAddress)) return;
        var asked = Clock.GetUtcNow();
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_lastStarted > asked) return;
            _lastStarted = Clock.GetUtcNow();
            await FetchAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            var client = http.CreateClient(HttpClientName);
            var signed = await client.GetStringAsync(new Uri(new Uri(options.Value.DirectoryAddress.TrimEnd('/') + "/"), "api/nodes/configuration"), cancellationToken);
            var configuration = await store.AcceptAsync(signed, cancellationToken);
            Logger.LogInformation("Node configuration version {Version} taken, valid until {ExpiresAt}", configuration.Version, configuration.ExpiresAt);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Logger.LogWarning("The centre did not answer ({Reason}); the node goes on with the configuration it holds", ex.Message);
        }
        catch (DomainException ex)
        {
            Logger.LogWarning("The centre's configuration was kept out: {Reason}", ex.Message);
        }
    }
}
