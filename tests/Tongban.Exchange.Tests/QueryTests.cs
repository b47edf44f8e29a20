using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tongban.Kernel.Security;

namespace Tongban.Exchange.Tests;

/// <summary>Department systems query the registries through the exchange API: granted fields only, every call logged.</summary>
public sealed class QueryTests(LaneApps apps)
{
    // Demo pack: resources of the four registries, and people of the fixed demo households.
    private const string Population = "11211200061012195B-00001";
    private const string LegalEntities = "11211200025881318U-00001";
    private const string PublicSecurity = "11211200061012195B";
    private const string Living = "211221196805129013";   // 张建国
    private const string Deceased = "211202194103089047"; // 李秀兰
    private const string Company = "91211221TB000001X2";  // 铁岭县通办示范商贸有限公司

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static object Query(string? key, string[]? fields, string? purpose = "城乡居民养老保险待遇资格认证", int? pageSize = null, object? filters = null) =>
        new { key, fields, purpose, pageSize, filters };

    /// <summary>The client's department requests the resource; the provider (when the resource is conditional) approves.</summary>
    private static async Task<Guid?> GrantAsync(TongbanApp app, int client, string resource, string provider, string[] fields, DateOnly? from = null, DateOnly? until = null)
    {
        var consumer = await app.SignInAsync("数据员" + client, Policies.DataAdministrator);
        var response = await consumer.PostAsJsonAsync("/api/sharing/requests", new
        {
            consumerCreditCode = TestClients.All[client].Department, resourceCode = resource, purpose = "待遇资格认证", fields,
            validFrom = from ?? Today, validUntil = until ?? Today.AddDays(365),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var request = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (request.GetProperty("status").GetString() == "Pending")
        {
            var approver = await app.SignInAsync("提供方" + provider, Policies.DataAdministrator);
            Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/api/sharing/requests/{request.GetProperty("id").GetGuid()}/approve", null)).StatusCode);
        }
        var grants = await consumer.GetFromJsonAsync<JsonElement>("/api/sharing/grants");
        return grants.EnumerateArray().Select(row => row.GetProperty("grant"))
            .Where(g => g.GetProperty("consumerCreditCode").GetString() == TestClients.All[client].Department && g.GetProperty("resourceCode").GetString() == resource)
            .Select(g => (Guid?)g.GetProperty("id").GetGuid()).LastOrDefault();
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string resource, object body, string? onBehalfOf = "clerk-0042")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/exchange/{resource}/query") { Content = JsonContent.Create(body) };
        if (onBehalfOf is not null) request.Headers.Add("X-On-Behalf-Of", onBehalfOf);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }

    private static IEnumerable<string?> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString());

    [Theory]
    [DatabaseLanes]
    public async Task A_granted_department_gets_only_the_granted_fields_and_the_person_sees_the_read(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        await GrantAsync(app, 0, Population, PublicSecurity, ["idNumber", "name", "status"]);
        var system = await app.ClientCredentialsAsync(0);

        var (status, body) = await PostAsync(system, Population, Query(Living, ["name", "status"]));
        Assert.Equal(HttpStatusCode.OK, status);
        var record = Assert.Single(body.GetProperty("records").EnumerateArray());
        Assert.Equal(["name", "status"], record.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("张建国", "living"), (record.GetProperty("name").GetString(), record.GetProperty("status").GetString()));
        Assert.Equal("deceased", (await PostAsync(system, Population, Query(Deceased, ["status"]))).Body.GetProperty("records")[0].GetProperty("status").GetString());

        var admin = await app.SignInAsync("数据管理员", Policies.DataAdministrator);
        var reads = await (await admin.PostAsJsonAsync("/api/registries/reads-of", new { subjectKey = Living })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(reads.EnumerateArray(), r => r.GetProperty("caller").GetString() == TestClients.All[0].ClientId
            && r.GetProperty("callerDepartment").GetString() == TestClients.All[0].Department
            && r.GetProperty("onBehalfOf").GetString() == "clerk-0042"
            && r.GetProperty("purpose").GetString() == "城乡居民养老保险待遇资格认证"
            && r.GetProperty("resource").GetString() == Population);

        var statistics = await admin.GetFromJsonAsync<JsonElement>("/api/sharing/statistics");
        Assert.True(statistics.GetProperty("callsByDepartment").EnumerateArray().Single(c => c.GetProperty("key").GetString() == TestClients.All[0].Department)
            .GetProperty("calls").GetInt64() >= 2);
        Assert.Equal("人口基础信息", statistics.GetProperty("callsByResource").EnumerateArray().Single(c => c.GetProperty("key").GetString() == Population).GetProperty("name").GetString());
        Assert.True(statistics.GetProperty("registries").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "population").GetProperty("current").GetInt64() > 0);
        Assert.Contains("人口基础信息", await admin.GetStringAsync("/admin/sharing"), StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_unknown_field_is_a_400_and_a_field_not_granted_a_403_each_naming_it(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        await GrantAsync(app, 1, Population, PublicSecurity, ["idNumber", "name"]);
        var system = await app.ClientCredentialsAsync(1);

        var unknown = await PostAsync(system, Population, Query(Living, ["name", "salary"]));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal(["salary"], Fields(unknown.Body));
        var notGranted = await PostAsync(system, Population, Query(Living, ["name", "address", "maritalStatus"]));
        Assert.Equal(HttpStatusCode.Forbidden, notGranted.Status);
        Assert.Equal(["address", "maritalStatus"], Fields(notGranted.Body));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Without_a_grant_or_after_revocation_the_answer_is_403_and_says_which(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var system = await app.ClientCredentialsAsync(2);
        var none = await PostAsync(system, Population, Query(Living, ["name"]));
        Assert.Equal((HttpStatusCode.Forbidden, "exchange.no_grant"), (none.Status, none.Body.GetProperty("code").GetString()));

        var grant = await GrantAsync(app, 2, LegalEntities, "11211200025881318U", ["creditCode", "name", "status"]);
        var company = await PostAsync(system, LegalEntities, Query(Company, ["name", "status"]));
        Assert.Equal(HttpStatusCode.OK, company.Status);
        Assert.Equal("铁岭县通办示范商贸有限公司", company.Body.GetProperty("records")[0].GetProperty("name").GetString());
        var admin = await app.SignInAsync("数据管理员", Policies.DataAdministrator);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/sharing/grants/{grant}/revoke", new { reason = "系统停用" })).StatusCode);
        var revoked = await PostAsync(system, LegalEntities, Query(Company, ["name"]));
        Assert.Equal((HttpStatusCode.Forbidden, "exchange.grant_revoked"), (revoked.Status, revoked.Body.GetProperty("code").GetString()));
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_expired_grant_is_refused(DatabaseLane lane)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using var _ = database;
        await using var app = new TongbanApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        await GrantAsync(app, 3, Population, PublicSecurity, ["name"], until: Today.AddDays(10));
        var system = await app.ClientCredentialsAsync(3);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(system, Population, Query(Living, ["name"]))).Status);

        clock.Advance(TimeSpan.FromDays(12));
        system = await app.ClientCredentialsAsync(3); // the old token has expired too
        var expired = await PostAsync(system, Population, Query(Living, ["name"]));
        Assert.Equal((HttpStatusCode.Forbidden, "exchange.grant_expired"), (expired.Status, expired.Body.GetProperty("code").GetString()));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Queries_that_would_enumerate_are_refused_with_the_reason(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        await GrantAsync(app, 4, Population, PublicSecurity, ["idNumber", "name"]);
        var system = await app.ClientCredentialsAsync(4);

        async Task Refused(object query, string code, string field)
        {
            var (status, body) = await PostAsync(system, Population, query);
            Assert.Equal((HttpStatusCode.BadRequest, code), (status, body.GetProperty("code").GetString()));
            Assert.Contains(field, Fields(body));
        }
        await Refused(Query("", ["name"]), "exchange.key_missing", "key");
        await Refused(Query("2112211968*", ["name"]), "registry.key_wildcard", "idNumber");
        await Refused(Query(Living, ["name"], pageSize: 100000), "exchange.page_size", "pageSize");
        await Refused(Query(null, ["name"], filters: new { divisionCode = "211221" }), "exchange.filters_refused", "filters");
        await Refused(Query(Living, ["name"], purpose: " "), "exchange.purpose_missing", "purpose");
        await Refused(Query(Living, []), "exchange.fields_missing", "fields");
    }

    [Theory]
    [DatabaseLanes]
    public async Task Only_a_system_with_a_token_may_call_and_a_wrong_secret_gets_no_token(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(app.CreateClient(), Population, Query(Living, ["name"]))).Status);
        var staff = await app.SignInAsync("数据管理员", Policies.DataAdministrator);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(staff, Population, Query(Living, ["name"]))).Status);

        var token = await app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = TestClients.All[0].ClientId, ["client_secret"] = "wrong",
        }));
        Assert.Equal(HttpStatusCode.Unauthorized, token.StatusCode);
        Assert.Equal("invalid_client", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(forged, Population, Query(Living, ["name"]))).Status);
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_unknown_or_table_only_resource_is_named(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var system = await app.ClientCredentialsAsync(5);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(system, "NO-SUCH-RESOURCE", Query(Living, ["name"]))).Status);
        var tableOnly = await PostAsync(system, "1221120002082930X5-00001", Query(Living, ["idNumber"])); // 社会保险参保信息: no online source yet
        Assert.Equal((HttpStatusCode.Conflict, "exchange.no_online_source"), (tableOnly.Status, tableOnly.Body.GetProperty("code").GetString()));
    }
}
