using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Hosting;

namespace Tongban.Nodes.Node;

/// <summary>
/// Fetches the centre's configuration every <c>Nodes:RefreshInterval</c>. The centre being down, or a document kept out,
/// is a warning: the node works on what it holds until that expires.
/// </summary>
internal sealed class ConfigurationRefresher(IHttpClientFactory http, ConfigurationStore store, IOptions<NodesOptions> options, TimeProvider clock,
    ILogger<ConfigurationRefresher> logger) : PeriodicWorker(clock, logger)
{
    public const string HttpClientName = "tongban-directory";

    protected override TimeSpan Interval => string.IsNullOrWhiteSpace(options.Value.DirectoryAddress) ? TimeSpan.Zero : options.Value.RefreshInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
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
