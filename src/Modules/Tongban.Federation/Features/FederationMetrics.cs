using System.Diagnostics.Metrics;

namespace Tongban.Federation.Features;

/// <summary>The federation's figures for Prometheus (<c>/metrics</c>), meter <see cref="MeterName"/>.</summary>
internal static class FederationMetrics
{
    public const string MeterName = "Tongban.Federation";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Pushed = Meter.CreateCounter<long>("tongban.federation.pushed", "{record}", "Records the province acknowledged (city)");
    public static readonly Counter<long> PushFailures = Meter.CreateCounter<long>("tongban.federation.push_failures", "{batch}", "Pushes that failed and wait to be retried (city)");
    public static readonly Counter<long> Received = Meter.CreateCounter<long>("tongban.federation.received", "{record}", "Records received from cities (province)");
    public static readonly Counter<long> Reconciliations = Meter.CreateCounter<long>("tongban.federation.reconciliations", "{day}", "Kind-days reconciled, tagged matched=true|false");
    public static readonly Counter<long> CatalogEntries = Meter.CreateCounter<long>("tongban.federation.catalog_entries", "{item}", "Entries of the provincial catalog feed applied, unchanged or refused (city)");
    public static readonly Counter<long> CatalogPullFailures = Meter.CreateCounter<long>("tongban.federation.catalog_pull_failures", "{pull}", "Pulls of the provincial catalog that stopped (city)");
    public static readonly Counter<long> Resent = Meter.CreateCounter<long>("tongban.federation.resent", "{record}", "Records reconciliation found missing or older at the province and sent again");
}
