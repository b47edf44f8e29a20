using Microsoft.Extensions.Configuration;

namespace Tongban.Federation;

/// <summary>
/// Section <c>Federation</c>: what this instance is in the provincial federation. <see cref="Role"/> is <c>none</c> by
/// default, which does nothing (safe in production until someone configures it); <c>city</c> pushes its records up to
/// <see cref="Upstream"/>; <c>province</c> receives them from the <see cref="Cities"/> it knows.
/// </summary>
internal sealed class FederationOptions
{
    public const string Section = "Federation";
    public const string None = "none";
    public const string City = "city";
    public const string Province = "province";

    public string Role { get; set; } = None;

    public UpstreamOptions Upstream { get; set; } = new();

    public List<CityOptions> Cities { get; set; } = [];

    /// <summary>How often the pusher looks for records to send; zero stops it (tests push by hand).</summary>
    public TimeSpan PushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the city reconciles yesterday and today with the province; zero stops it.</summary>
    public TimeSpan ReconcileInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// On a city: how many days back (by the record's day) the rows the province acknowledged stay in <c>fed_outgoing</c>;
    /// older ones are deleted after each reconciliation round, and a day that old can no longer be reconciled. 400 by
    /// default (a year and a margin); 0 keeps them all.
    /// </summary>
    public int KeepSentDays { get; set; } = 400;

    /// <summary>How often the city pulls the provincial catalog feed; zero stops it (it is still pulled on demand).</summary>
    public TimeSpan CatalogPullInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Items asked for per page of the catalog feed (the province gives at most 500).</summary>
    public int CatalogPageSize { get; set; } = 200;

    /// <summary>
    /// On a province: how old a catalog change must be before the feed gives it — longer than any transaction of the
    /// catalog's takes from stamping a change to committing it, so that no change is committed behind a cursor already
    /// given out (a city would never see it). A minute by default; a city's pull sees a provincial change that much later.
    /// </summary>
    public TimeSpan CatalogFeedSettle { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>On a province: the key file (<c>Keys:Directory</c>) its catalog feed is signed with, made on first use.</summary>
    public string ProvinceKeyName { get; set; } = "federation";

    /// <summary>On a province: the algorithm of <see cref="ProvinceKeyName"/>, SM2 by default.</summary>
    public string ProvinceKeyAlgorithm { get; set; } = Kernel.Keys.SignatureSchemes.Sm2;

    /// <summary>Records per push (the province refuses more than <see cref="MaxBatch"/>).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>The wait before a failed push's records are sent again, doubled per failure up to <see cref="PushRetryMax"/>. 2 seconds by default.</summary>
    public TimeSpan PushRetryFirst { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between two tries of a record. 10 minutes by default.</summary>
    public TimeSpan PushRetryMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a batch being pushed is held by the instance pushing it, so that another instance does not send the same
    /// rows meanwhile; after an instance died mid-push its rows are due again then. Longer than a push's time-out (30 s).
    /// </summary>
    public TimeSpan PushLease { get; set; } = TimeSpan.FromMinutes(2);

    public const int MaxBatch = 1000;

    public bool IsCity => string.Equals(Role, City, StringComparison.OrdinalIgnoreCase);

    public bool IsProvince => string.Equals(Role, Province, StringComparison.OrdinalIgnoreCase);

    public static FederationOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<FederationOptions>() ?? new FederationOptions();

    public CityOptions? FindCity(string? code) =>
        code is null ? null : Cities.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.Ordinal));
}

/// <summary>On a city: the province's address, the code the province knows this city by, and the name of its signing key.</summary>
internal sealed class UpstreamOptions
{
    /// <summary>The province's base address, e.g. <c>https://province.example.gov.cn/</c>.</summary>
    public string? Address { get; set; }

    /// <summary>This city's code at the province (its division code, e.g. 211200).</summary>
    public string? CityCode { get; set; }

    /// <summary>The key file in the key directory (<c>Keys:Directory</c>) this city signs its pushes with; made on first use.</summary>
    public string KeyName { get; set; } = "federation";

    /// <summary>SM2 by default (GB/T 39786); Ed25519 or P-256 also verify.</summary>
    public string Algorithm { get; set; } = Kernel.Keys.SignatureSchemes.Sm2;

    /// <summary>The province's public key (PEM) its catalog feed is signed with; without it nothing pulled is applied.</summary>
    public string? PublicKey { get; set; }
}

/// <summary>On a province: a registered city, its names and the public key (PEM) its pushes are signed with.</summary>
internal sealed class CityOptions
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string PublicKey { get; set; } = "";
}
