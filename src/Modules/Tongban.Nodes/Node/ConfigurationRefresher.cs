using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Hosting;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Node;

/// <summary>
/// Fetches the centre's configuration every <c>Nodes:RefreshInterval</c>, and at once when the centre says something changed
/// (<see cref="RefreshNowAsync"/>: a revoked grant). The centre being down, or a document kept out, is a warning: the node
/// works on what it holds until that expires. Each fetch is a POST of the node's signed report (<see cref="NodeReport"/>:
/// software version, configuration held, operational counts), which the centre answers with the configuration: one
/// exchange keeps the node up to date and the centre's operations page too.
/// </summary>
internal sealed class ConfigurationRefresher(IHttpClientFactory http, ConfigurationStore store, NodeKeys keys, OperationCounter counter,
    IServiceScopeFactory scopes, IOptions<NodesOptions> options, TimeProvider clock, ILogger<ConfigurationRefresher> logger) : PeriodicWorker(clock, logger)
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

    /// <summary>
    /// The node's health problems the centre cannot see for itself: not its configuration's (this fetch is the centre
    /// being reached, and renews it), only failing pushes and log entries waiting for their stamp.
    /// </summary>
    private async Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var health = await scope.ServiceProvider.GetRequiredService<NodeHealth>().CheckAsync(cancellationToken);
        return [.. health.Problems.Select(p => p.Code).Where(c => !c.StartsWith("configuration.", StringComparison.Ordinal))];
    }

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            var client = http.CreateClient(HttpClientName);
            var report = new NodeReport(NodeReport.FormatName, options.Value.NodeId, Clock.GetUtcNow(), NodeReport.CurrentSoftwareVersion,
                (await store.HeldAsync(cancellationToken))?.Version, await counter.ReportCountsAsync(cancellationToken), await ProblemsAsync(cancellationToken));
            using var response = await client.PostAsJsonAsync(new Uri(new Uri(options.Value.DirectoryAddress.TrimEnd('/') + "/"), "api/nodes/configuration"),
                SignedDocument.Sign(report, keys.Current()), SignedDocument.Json, cancellationToken);
            response.EnsureSuccessStatusCode();
            if (response.Headers.TryGetValues(NodeReport.ResultHeader, out var result) && !result.Contains("accepted"))
                Logger.LogWarning("The centre answered the configuration but did not take this node's report: does the directory hold this node's current key (`tongban node update-key`)?");
            var signed = await response.Content.ReadAsStringAsync(cancellationToken);
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
