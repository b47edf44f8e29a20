using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Applications.Contracts;
using Tongban.Federation.Data;
using Tongban.Federation.Features;
using Tongban.Federation.Features.PushUp;
using Tongban.Federation.Features.Reconcile;
using Tongban.Kernel.Data;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Outbox;

namespace Tongban.Federation.Tests;

/// <summary>
/// A city and its province, two Tongban hosts in one process, each over its own database: the city's pushes go to the
/// province's test server through <see cref="Link"/>, which a test can make fail. The province also knows a second
/// city (<see cref="OtherCity"/>), whose key the tests hold to sign as that city.
/// </summary>
public sealed class Pair : IAsyncDisposable
{
    public const string CityCode = "211200";
    public const string OtherCityCode = "211300";

    private Pair(TongbanApp city, TongbanApp province, SigningKey otherCity, FlakyLink link)
    {
        City = city;
        Province = province;
        OtherCity = otherCity;
        Link = link;
    }

    public TongbanApp City { get; }
    public TongbanApp Province { get; }
    public SigningKey OtherCity { get; }
    internal FlakyLink Link { get; }

    public static async Task<Pair> StartAsync(DatabaseLane lane)
    {
        var cityDatabase = await TestDatabase.CreateWithDemoRegionAsync(lane);
        var cityKey = KeysIn(cityDatabase.DataDirectory).GetOrCreate("federation", SignatureSchemes.Sm2);
        var other = KeysIn(Directory.CreateTempSubdirectory("tongban-fed-").FullName).GetOrCreate("federation", SignatureSchemes.Sm2);
        var provinceDatabase = await TestDatabase.CreateWithDemoRegionAsync(lane);
        var provinceKey = KeysIn(provinceDatabase.DataDirectory).GetOrCreate("federation", SignatureSchemes.Sm2);
        var province = new TongbanApp(provinceDatabase, new Dictionary<string, string?>
        {
            ["Federation:Role"] = "province",
            ["Federation:Cities:0:Code"] = CityCode, ["Federation:Cities:0:Name"] = "铁岭市", ["Federation:Cities:0:NameEn"] = "Tieling",
            ["Federation:Cities:0:PublicKey"] = cityKey.Public.Pem,
            ["Federation:Cities:1:Code"] = OtherCityCode, ["Federation:Cities:1:Name"] = "朝阳市", ["Federation:Cities:1:NameEn"] = "Chaoyang",
            ["Federation:Cities:1:PublicKey"] = other.Public.Pem,
            ["Federation:CatalogFeedSettle"] = "00:00:00", // a change is given at once; CatalogFeedTests sets it where it tests it
        });
        var link = new FlakyLink(province.Server.CreateHandler());
        var city = new TongbanApp(cityDatabase, new Dictionary<string, string?>
        {
            ["Federation:Role"] = "city", ["Federation:Upstream:Address"] = "http://localhost/", ["Federation:Upstream:CityCode"] = CityCode,
            ["Federation:PushInterval"] = "00:00:00", ["Federation:ReconcileInterval"] = "00:00:00", ["Federation:BatchSize"] = "100",
            ["Federation:CatalogPullInterval"] = "00:00:00", ["Federation:CatalogPageSize"] = "3", ["Federation:Upstream:PublicKey"] = provinceKey.Public.Pem,
            ["Federation:KeepSentDays"] = "0", // the tests' days are fixed dates; ReconciliationTests sets it where it tests it
        }, services => services.AddHttpClient(SignedRequests.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => link));
        _ = city.Server;
        return new Pair(city, province, other, link);
    }

    private static SigningKeys KeysIn(string dataDirectory) =>
        new(new KeyFiles(Options.Create(new KeysOptions()), Options.Create(new StorageOptions { DataDirectory = dataDirectory })));

    /// <summary>Delivers an event to the city's federation handlers as its outbox would.</summary>
    public async Task DeliverAsync<T>(string type, T payload, DateTimeOffset at)
    {
        var message = OutboxMessage.Create(type, payload, at);
        await using var scope = City.Services.CreateAsyncScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IOutboxHandler>().Where(h => h.MessageType == type && h.GetType().Namespace!.StartsWith("Tongban.Federation", StringComparison.Ordinal)))
            await handler.HandleAsync(message, CancellationToken.None);
    }

    /// <summary>A case submitted and concluded on <paramref name="day"/>, as Applications announces it.</summary>
    public async Task ConcludeCaseAsync(string number, DateOnly day, string itemCode, Guid applicant = default)
    {
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
        CaseChangedForApplicant Notice(string kind, int minutes) => new(Guid.NewGuid(), number, "事项", applicant, kind, null, null, at.AddMinutes(minutes),
            itemCode, "11211200MB0000000X", "211202", "online", day.AddDays(5));
        await DeliverAsync(CaseChangedForApplicant.MessageType, Notice(ApplicantNoticeKinds.Submitted, 0), at);
        await DeliverAsync(CaseChangedForApplicant.MessageType, Notice(ApplicantNoticeKinds.Accepted, 30), at);
        await DeliverAsync(CaseChangedForApplicant.MessageType, Notice(ApplicantNoticeKinds.Concluded, 90), at);
    }

    public async Task<int> PushAsync()
    {
        await using var scope = City.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Pusher>().PushDueAsync(CancellationToken.None);
    }

    public async Task<IReadOnlyList<Contracts.ReconciledDay>> ReconcileAsync(DateOnly day)
    {
        await using var scope = City.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Reconciler>().ReconcileAsync(day, CancellationToken.None);
    }

    internal async Task<T> OnCityAsync<T>(Func<FederationDbContext, Task<T>> read)
    {
        await using var scope = City.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<FederationDbContext>());
    }

    internal async Task<T> OnProvinceAsync<T>(Func<FederationDbContext, Task<T>> read)
    {
        await using var scope = Province.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<FederationDbContext>());
    }

    /// <summary>Posts <paramref name="body"/> to the province as <paramref name="city"/>, signed with <paramref name="key"/> (none when null).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, string body, string city, SigningKey? key)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(Wire.CityHeader, city);
        if (key is not null) request.Headers.Add(Wire.SignatureHeader, Convert.ToBase64String(key.Sign(bytes)));
        return await Province.CreateClient().SendAsync(request);
    }

    /// <summary>A push body of records as a city sends it.</summary>
    public static string Body(string city, params (string Kind, string Key, long Version, string? ItemCode, string Payload)[] records) =>
        JsonSerializer.Serialize(new PushBody(city, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, 0,
            [.. records.Select(r => new WireRecord(r.Kind, r.Key, r.Version, new DateOnly(2026, 2, 2), r.ItemCode, JsonSerializer.Deserialize<JsonElement>(r.Payload)))]), Wire.Json);

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { City, Province })
        {
            await app.DisposeAsync();
            await app.Database.DisposeAsync();
        }
    }
}

/// <summary>
/// The wire between city and province; <see cref="FailNext"/> answers that many requests 503 before they reach the
/// province; <see cref="Tamper"/>, when set, rewrites the province's answers' bodies on the way back; <see cref="Hold"/>,
/// when set, keeps each request on the way until it completes (<see cref="Held"/> counts those waiting).
/// </summary>
internal sealed class FlakyLink(HttpMessageHandler province) : DelegatingHandler(province)
{
    private int _held;

    public int FailNext { get; set; }

    public Func<string, string>? Tamper { get; set; }

    public TaskCompletionSource? Hold { get; set; }

    public int Held => Volatile.Read(ref _held);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Hold is { } hold)
        {
            Interlocked.Increment(ref _held);
            await hold.Task.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _held);
        }
        if (FailNext > 0)
        {
            FailNext--;
            return new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable);
        }
        var response = await base.SendAsync(request, cancellationToken);
        if (Tamper is not { } tamper) return response;
        var body = tamper(await response.Content.ReadAsStringAsync(cancellationToken));
        var headers = response.Content.Headers.ContentType;
        response.Content = new StringContent(body);
        response.Content.Headers.ContentType = headers;
        return response;
    }
}

/// <summary>One city–province pair per database lane, shared by a test class (each test uses its own case numbers and day).</summary>
public sealed class Pairs : IAsyncDisposable
{
    private readonly Dictionary<DatabaseLane, Task<Pair>> _pairs = [];
    private readonly Lock _gate = new();

    public Task<Pair> For(DatabaseLane lane)
    {
        Lanes.Require(lane);
        lock (_gate)
        {
            if (!_pairs.TryGetValue(lane, out var pair)) _pairs[lane] = pair = Pair.StartAsync(lane);
            return pair;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pair in _pairs.Values) await (await pair).DisposeAsync();
    }
}
