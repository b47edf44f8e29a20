using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Data;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Tests;

/// <summary>
/// Issue #5 point 6: two Tongban instances, each with its own database. The province is an ordinary Tongban with a
/// registered client for the city; the city has the province as its upstream provider (Identity:Federation). The
/// city's back channel is an HTTP client of the province's test server; the "browsers" carry the redirects. One province
/// per lane serves the class (each test registers its own client there, and the citizen is registered and verified
/// there once); each test starts its own city with the settings it tries.
/// </summary>
public sealed class FederationTests(FederationTests.Provinces provinces) : IClassFixture<FederationTests.Provinces>
{
    // A living person of the demo population registry, so the province can verify her to L2.
    private const string IdNumber = "21122119700823902X";
    private const string Name = "刘淑珍";
    private static readonly Uri CityAddress = new("https://localhost/");

    [Theory, DatabaseLanes]
    public async Task A_citizen_signs_in_at_the_city_through_the_province_gets_an_account_at_L2_and_the_second_sign_in_finds_the_same_account(DatabaseLane lane)
    {
        await using var pair = await Pair.StartAsync(provinces, lane);
        var provinceBrowser = await provinces.CitizenAtL2Async(lane);
        var signInPage = People.Text(await pair.CityBrowser().GetStringAsync("/account/sign-in"));
        Assert.Contains("通过省级平台登录", signInPage, StringComparison.Ordinal);

        var first = pair.CityBrowser();
        using (var done = await Pair.SignInThroughProvinceAsync(first, provinceBrowser)) Assert.Equal("/account", done.Headers.Location?.OriginalString);
        var id = await People.AccountIdAsync(first);
        var account = await pair.AccountAsync(id);
        Assert.Equal(RealNameLevelInfo.L2, account.Level);
        Assert.Equal(Name, account.DisplayName);
        Assert.Equal(ResidentIdNumber.Mask(IdNumber), account.MaskedIdNumber);

        var second = pair.CityBrowser();
        using (await Pair.SignInThroughProvinceAsync(second, provinceBrowser)) { }
        Assert.Equal(id, await People.AccountIdAsync(second));

        var audit = await pair.FederatedAuditAsync(id);
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, d => d.StartsWith("created via http://localhost/", StringComparison.Ordinal) && d.Contains("L2 (raised)", StringComparison.Ordinal));
        Assert.Contains(audit, d => d.StartsWith("signed in via", StringComparison.Ordinal));
        Assert.DoesNotContain(audit, d => d.Contains(IdNumber, StringComparison.Ordinal));
    }

    [Theory, DatabaseLanes]
    public async Task An_ID_number_already_registered_at_the_city_is_linked_and_raised_to_the_mapped_level_not_duplicated(DatabaseLane lane)
    {
        await using var pair = await Pair.StartAsync(provinces, lane, levelMap: ("2", "3"));
        var provinceBrowser = await provinces.CitizenAtL2Async(lane);
        var local = pair.CityBrowser();
        using (await local.PostFormAsync("/account/register", "/account/register",
            ("Input.IdNumber", IdNumber), ("Input.Name", Name), ("Input.Phone", People.NewPhone()), ("Input.Password", People.Password))) { }
        var localId = await People.AccountIdAsync(local);
        Assert.Equal(RealNameLevelInfo.L1, (await pair.AccountAsync(localId)).Level);

        var browser = pair.CityBrowser();
        using (await Pair.SignInThroughProvinceAsync(browser, provinceBrowser)) { }
        Assert.Equal(localId, await People.AccountIdAsync(browser));
        Assert.Equal(RealNameLevelInfo.L3, (await pair.AccountAsync(localId)).Level); // the province's "2" mapped to L3 here
        Assert.Contains(await pair.FederatedAuditAsync(localId), d => d.StartsWith("linked via", StringComparison.Ordinal));
    }

    [Theory, DatabaseLanes]
    public async Task Without_the_ID_number_claim_the_sign_in_is_refused_with_a_clear_message_and_no_account_is_made(DatabaseLane lane)
    {
        await using var pair = await Pair.StartAsync(provinces, lane, idNumberScope: false);
        var provinceBrowser = await provinces.CitizenAtL2Async(lane);
        var browser = pair.CityBrowser();
        using var refused = await Pair.SignInThroughProvinceAsync(browser, provinceBrowser);
        Assert.Equal("/account/sign-in?federation=id_number", refused.Headers.Location?.OriginalString);
        var page = People.Text(await browser.GetStringAsync(refused.Headers.Location!.OriginalString));
        Assert.Contains("未提供有效的身份证号码", page, StringComparison.Ordinal);
        using var me = await browser.GetAsync("/api/identity/me");
        Assert.NotEqual(HttpStatusCode.OK, me.StatusCode);
        using var scope = pair.City.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<Data.AccountsDbContext>().Users.WhereMatches(a => a.IdNumber, IdNumber).AnyAsync());
    }

    [Theory, DatabaseLanes]
    public async Task A_disabled_federation_is_not_offered_and_refuses_with_a_clear_message(DatabaseLane lane)
    {
        await using var pair = await Pair.StartAsync(provinces, lane, enabled: false);
        var browser = pair.CityBrowser();
        Assert.DoesNotContain("upstream-sign-in", await browser.GetStringAsync("/account/sign-in"), StringComparison.Ordinal);
        using var start = await browser.GetAsync("/account/federation/sign-in?returnUrl=/account");
        Assert.Equal("/account/sign-in?federation=disabled", start.Headers.Location?.OriginalString);
        Assert.Contains("目前未开放", People.Text(await browser.GetStringAsync("/account/sign-in?federation=disabled")), StringComparison.Ordinal);
        var admin = await pair.City.SignInAsync("系统管理员", Kernel.Security.Policies.SystemAdministrator);
        var settings = People.Text(await admin.GetStringAsync("/admin/identity/federation"));
        Assert.Contains("已停用", settings, StringComparison.Ordinal);
        Assert.Contains(pair.ClientId, settings, StringComparison.Ordinal);
        Assert.DoesNotContain(Pair.Secret, settings, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_system_administrator_edits_the_upstream_and_the_next_sign_in_uses_it_without_a_restart(DatabaseLane lane)
    {
        await using var pair = await Pair.StartAsync(provinces, lane);
        var admin = await pair.City.SignInAsync("系统管理员", Kernel.Security.Policies.SystemAdministrator);
        async Task<HttpResponseMessage> SaveAsync(string issuer, string clientId) => await admin.PostFormAsync("/admin/identity/federation", "/admin/identity/federation",
            ("Input.Enabled", "true"), ("Input.Enabled", "false"), ("Input.Issuer", issuer), ("Input.ClientId", clientId), ("Input.ClientSecret", ""),
            ("Input.Scopes", "profile id_number"), ("Input.LevelMap", "1=1\n2=2\n3=3"));
        async Task<string> ChallengeAsync()
        {
            using var start = await pair.CityBrowser().GetAsync("/account/federation/sign-in?returnUrl=/account");
            return start.Headers.Location!.Query;
        }
        Assert.Contains($"client_id={pair.ClientId}", await ChallengeAsync(), StringComparison.Ordinal);

        using (var renamed = await SaveAsync("http://localhost/", "renamed-client")) Assert.Equal("/admin/identity/federation?saved=true", renamed.Headers.Location?.OriginalString);
        Assert.Contains("client_id=renamed-client", await ChallengeAsync(), StringComparison.Ordinal);

        foreach (var bad in new[] { "http://upstream.example/", "ftp://localhost/", "not a url" })
        {
            using var refused = await SaveAsync(bad, pair.ClientId);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains("data-valmsg-for=\"Input.Issuer\">上级平台地址须为 https 地址", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Contains("client_id=renamed-client", await ChallengeAsync(), StringComparison.Ordinal);

        using (await SaveAsync("http://localhost/", pair.ClientId)) { } // the secret from configuration is kept, now stored protected
        var browser = pair.CityBrowser();
        using (var done = await Pair.SignInThroughProvinceAsync(browser, await provinces.CitizenAtL2Async(lane))) Assert.Equal("/account", done.Headers.Location?.OriginalString);

        await pair.City.DrainOutboxAsync();
        using var scope = pair.City.Services.CreateScope();
        var changes = await scope.ServiceProvider.GetRequiredService<KernelDbContext>().AuditEntries
            .Where(e => e.Action == "identity.upstream_changed").OrderBy(e => e.Sequence).Select(e => e.Details ?? "").ToListAsync();
        Assert.Equal(2, changes.Count);
        Assert.StartsWith("enabled, client renamed-client, scopes profile id_number, levels 1=1,2=2,3=3, secret kept", changes[0], StringComparison.Ordinal);
        var stored = await scope.ServiceProvider.GetRequiredService<Data.AccountsDbContext>().UpstreamSettings.SingleAsync();
        Assert.DoesNotContain(pair.ClientSecret, stored.ProtectedClientSecret!, StringComparison.Ordinal);
        Assert.DoesNotContain(changes, c => c.Contains(pair.ClientSecret, StringComparison.Ordinal));
    }

    /// <summary>The province of each lane, and the citizen signed in there at L2 (a browser of the province, asked once).</summary>
    public sealed class Provinces : LaneApps
    {
        private readonly Dictionary<DatabaseLane, Task<HttpClient>> _citizens = [];

        public Task<HttpClient> CitizenAtL2Async(DatabaseLane lane)
        {
            lock (_citizens)
            {
                if (!_citizens.TryGetValue(lane, out var citizen)) _citizens[lane] = citizen = RegisterAsync(lane);
                return citizen;
            }
        }

        /// <summary>The citizen registers at the province and is verified there against the population registry (L2).</summary>
        private async Task<HttpClient> RegisterAsync(DatabaseLane lane)
        {
            var browser = (await For(lane)).Browser();
            using (await browser.PostFormAsync("/account/register", "/account/register",
                ("Input.IdNumber", IdNumber), ("Input.Name", Name), ("Input.Phone", People.NewPhone()), ("Input.Password", People.Password))) { }
            using var verified = await browser.PostFormAsync("/account/verify", "/account/verify?handler=Verify");
            Assert.Contains("已升为二级实名", People.Text(await verified.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            return browser;
        }
    }

    private sealed class Pair : IAsyncDisposable
    {
        public const string Secret = "city-secret-not-registered";
        public required TongbanApp City { get; init; }
        public required string ClientId { get; init; }
        public required string ClientSecret { get; init; }

        public static async Task<Pair> StartAsync(Provinces provinces, DatabaseLane lane, bool enabled = true, bool idNumberScope = true, (string Upstream, string Level)? levelMap = null)
        {
            var province = await provinces.For(lane);
            var clientId = Oidc.NewClientId();
            var secret = await province.RegisterClientAsync(clientId, idNumber: true, redirect: new Uri(CityAddress, "account/federation/callback").ToString(), afterLogout: CityAddress.ToString());
            var settings = new Dictionary<string, string?>
            {
                ["Identity:Federation:Enabled"] = enabled ? "true" : "false",
                ["Identity:Federation:Issuer"] = "http://localhost/",
                ["Identity:Federation:AllowHttpMetadata"] = "true",
                ["Identity:Federation:ClientId"] = clientId,
                ["Identity:Federation:ClientSecret"] = enabled ? secret : Secret,
                ["Identity:Federation:Scopes:0"] = "profile",
            };
            if (idNumberScope) settings["Identity:Federation:Scopes:1"] = "id_number";
            if (levelMap is { } map) settings[$"Identity:Federation:LevelMap:{map.Upstream}"] = map.Level;
            var city = new TongbanApp(await TestDatabase.CreateWithDemoRegionAsync(lane), settings,
                s => s.Configure<OpenIdConnectOptions>("upstream", o => o.Backchannel = province.CreateClient()));
            return new Pair { City = city, ClientId = clientId, ClientSecret = secret };
        }

        public HttpClient CityBrowser() => City.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = CityAddress });

        /// <summary>City → province (consent the first time) → the form post back to the city; returns the city's answer to it.</summary>
        public static async Task<HttpResponseMessage> SignInThroughProvinceAsync(HttpClient cityBrowser, HttpClient provinceBrowser)
        {
            using var challenge = await cityBrowser.GetAsync("/account/federation/sign-in?returnUrl=/account");
            var authorize = challenge.Headers.Location!;
            Assert.Equal("/connect/authorize", authorize.AbsolutePath);
            var html = await provinceBrowser.GetStringAsync(authorize.PathAndQuery);
            if (html.Contains("handler=Allow", StringComparison.Ordinal))
            {
                var consent = IndependentClientTests.HiddenFields(html).Where(f => f.Key != "__RequestVerificationToken").ToArray();
                using var allowed = await provinceBrowser.PostFormAsync(authorize.PathAndQuery, "/connect/authorize?handler=Allow", consent);
                html = await allowed.Content.ReadAsStringAsync();
            }
            var callback = IndependentClientTests.HiddenFields(html);
            Assert.Contains(callback, f => f.Key == "code");
            return await cityBrowser.PostAsync("/account/federation/callback",
                new FormUrlEncodedContent(callback.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))));
        }

        public async Task<AccountInfo> AccountAsync(Guid id)
        {
            using var scope = City.Services.CreateScope();
            return (await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().FindAsync(id, CancellationToken.None))!;
        }

        public async Task<List<string>> FederatedAuditAsync(Guid id)
        {
            await City.DrainOutboxAsync();
            using var scope = City.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<KernelDbContext>().AuditEntries
                .Where(e => e.Actor == $"account:{id}" && e.Action == "identity.federated_sign_in" && e.Subject == $"account:{ResidentIdNumber.Mask(IdNumber)}")
                .OrderBy(e => e.Sequence).Select(e => e.Details ?? "").ToListAsync();
        }

        /// <summary>The city only: the province serves the class.</summary>
        public async ValueTask DisposeAsync()
        {
            await City.DisposeAsync();
            await City.Database.DisposeAsync();
        }
    }
}
