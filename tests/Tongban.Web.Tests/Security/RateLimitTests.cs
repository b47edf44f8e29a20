using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tongban.Web.Tests.Security;

/// <summary>Sign-in, SMS, registration, password reset, tokens and the exchange: limited per address and per account, phone or client.</summary>
public sealed class RateLimitTests(RateLimitedApps apps) : IClassFixture<RateLimitedApps>
{
    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string login) =>
        client.PostFormAsync("/account/sign-in", "/account/sign-in?handler=Password", ("Login", login), ("Password", "Wrong-Password-1"));

    private static Task<HttpResponseMessage> SendCodeAsync(HttpClient client, string page, string phone) =>
        client.PostFormAsync(page, $"{page}?handler=SendCode", ("Phone", phone));

    private static Task<HttpResponseMessage> ResetAsync(HttpClient client, string phone) =>
        client.PostFormAsync("/account/reset", "/account/reset?handler=Reset", ("Phone", phone), ("Code", "000000"), ("NewPassword", "Lantern-Meadow-77"));

    private static async Task<HttpResponseMessage> TokenAsync(TongbanApp app, string address, int client, string path = "/connect/token")
    {
        var (id, secret, _) = TestClients.All[client];
        return await app.From(address).PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = id, ["client_secret"] = secret,
        }));
    }

    private static async Task<HttpResponseMessage> QueryAsync(TongbanApp app, string address, string token)
    {
        var client = app.From(address);
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return await client.PostAsJsonAsync("/api/exchange/11211200061012195B-00001/query", new { key = "211221196805129013", fields = new[] { "name" }, purpose = "测试" });
    }

    /// <summary>A 429 that says when to come back, in the reader's language.</summary>
    private static async Task<int> AssertTooManyAsync(HttpResponseMessage response, string expected = "操作过于频繁")
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var seconds = (int)response.Headers.RetryAfter!.Delta!.Value.TotalSeconds;
        Assert.InRange(seconds, 1, 86_400);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, response.Content.Headers.ContentType?.MediaType == "application/problem+json" ? Words(body) : WebUtility.HtmlDecode(body), StringComparison.Ordinal);
        return seconds;
    }

    /// <summary>A problem document's words: its title, detail and each error in both languages.</summary>
    private static string Words(string json)
    {
        var problem = JsonDocument.Parse(json).RootElement;
        var errors = problem.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("zh").GetString()} {e.GetProperty("en").GetString()}");
        return string.Join(" ", [problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString(), .. errors]);
    }

    [Fact]
    public async Task Sign_ins_from_one_address_beyond_the_limit_get_429_with_Retry_After_and_a_page_in_the_readers_language()
    {
        var app = await apps.Small;
        var address = ClientAddresses.Next();
        var client = app.From(address);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignInAsync(client, TestPeople.NewIdNumber())).StatusCode);
        await AssertTooManyAsync(await SignInAsync(client, TestPeople.NewIdNumber()));
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        await AssertTooManyAsync(await SignInAsync(client, TestPeople.NewIdNumber()), "Too many attempts");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignInAsync(app.From(ClientAddresses.Next()), TestPeople.NewIdNumber())).StatusCode);
    }

    [Fact]
    public async Task Sign_ins_for_one_account_are_limited_from_whatever_address()
    {
        var app = await apps.Small;
        var login = TestPeople.NewIdNumber();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignInAsync(app.From(ClientAddresses.Next()), login)).StatusCode);
        var last = app.From(ClientAddresses.Next());
        await AssertTooManyAsync(await SignInAsync(last, login));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SignInAsync(last, TestPeople.NewIdNumber())).StatusCode);
    }

    [Fact]
    public async Task SMS_codes_are_limited_per_phone_and_per_address()
    {
        var app = await apps.Small;
        var phone = TestPeople.NewPhone();
        Assert.Equal(HttpStatusCode.OK, (await SendCodeAsync(app.From(ClientAddresses.Next()), "/account/sign-in", phone)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendCodeAsync(app.From(ClientAddresses.Next()), "/account/reset", phone)).StatusCode);
        Assert.InRange(await AssertTooManyAsync(await SendCodeAsync(app.From(ClientAddresses.Next()), "/account/sign-in", phone)), 1, 3600);

        var client = app.From(ClientAddresses.Next());
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await SendCodeAsync(client, "/account/sign-in", TestPeople.NewPhone())).StatusCode);
        await AssertTooManyAsync(await SendCodeAsync(client, "/account/reset", TestPeople.NewPhone()));
    }

    [Fact]
    public async Task SMS_codes_to_one_phone_are_limited_per_day()
    {
        var app = await apps.Daily;
        var phone = TestPeople.NewPhone();
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await SendCodeAsync(app.From(ClientAddresses.Next()), "/account/sign-in", phone)).StatusCode);
        Assert.InRange(await AssertTooManyAsync(await SendCodeAsync(app.From(ClientAddresses.Next()), "/account/sign-in", phone), "小时"), 3601, 86_400);
    }

    [Fact]
    public async Task Registrations_from_one_address_are_limited_on_the_page_and_the_API_alike()
    {
        var app = await apps.Small;
        var client = app.From(ClientAddresses.Next());
        using var page = await client.PostFormAsync("/account/register", "/account/register",
            ("Input.IdNumber", TestPeople.NewIdNumber()), ("Input.Name", "限流"), ("Input.Phone", TestPeople.NewPhone()), ("Input.Password", TestPeople.Password));
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        object Registration() => new { idNumber = TestPeople.NewIdNumber(), name = "限流", phone = TestPeople.NewPhone(), password = TestPeople.Password };
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/identity/accounts", Registration())).StatusCode);
        using var refused = await client.PostAsJsonAsync("/api/identity/accounts", Registration());
        await AssertTooManyAsync(refused);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("request.too_many", problem.GetProperty("code").GetString());
        Assert.Contains("Too many attempts", problem.GetProperty("errors")[0].GetProperty("en").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Password_resets_are_limited_per_phone_and_per_address()
    {
        var app = await apps.Small;
        var phone = TestPeople.NewPhone();
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ResetAsync(app.From(ClientAddresses.Next()), phone)).StatusCode);
        await AssertTooManyAsync(await ResetAsync(app.From(ClientAddresses.Next()), phone));

        var client = app.From(ClientAddresses.Next());
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ResetAsync(client, TestPeople.NewPhone())).StatusCode);
        await AssertTooManyAsync(await ResetAsync(client, TestPeople.NewPhone()));
    }

    [Fact]
    public async Task Token_requests_are_limited_per_client_and_per_address()
    {
        var app = await apps.Small;
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, ClientAddresses.Next(), 0)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, ClientAddresses.Next(), 0)).StatusCode);
        var address = ClientAddresses.Next();
        await AssertTooManyAsync(await TokenAsync(app, address, 0), "Too many attempts");
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, address, 1)).StatusCode);

        var busy = ClientAddresses.Next();
        for (var client = 2; client <= 4; client++)
            Assert.Equal(HttpStatusCode.OK, (await TokenAsync(app, busy, client)).StatusCode);
        await AssertTooManyAsync(await TokenAsync(app, busy, 5), "Too many attempts");
    }

    [Fact]
    public async Task A_nodes_token_requests_are_limited_per_client_and_per_address()
    {
        var app = await apps.Small; // no node role here: the limiter counts before the endpoint answers (404)
        const string Node = "/node/token";
        for (var i = 0; i < 2; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await TokenAsync(app, ClientAddresses.Next(), 0, Node)).StatusCode);
        await AssertTooManyAsync(await TokenAsync(app, ClientAddresses.Next(), 0, Node), "Too many attempts");

        var busy = ClientAddresses.Next();
        for (var client = 1; client <= 3; client++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await TokenAsync(app, busy, client, Node)).StatusCode);
        await AssertTooManyAsync(await TokenAsync(app, busy, 4, Node), "Too many attempts");
    }

    [Fact]
    public async Task Exchange_calls_are_limited_per_access_token_and_per_address()
    {
        var app = await apps.Small;
        for (var i = 0; i < 2; i++)
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await QueryAsync(app, ClientAddresses.Next(), "token-a")).StatusCode);
        await AssertTooManyAsync(await QueryAsync(app, ClientAddresses.Next(), "token-a"));

        var address = ClientAddresses.Next();
        foreach (var token in new[] { "token-b", "token-c", "token-d" })
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await QueryAsync(app, address, token)).StatusCode);
        await AssertTooManyAsync(await QueryAsync(app, address, "token-e"));
    }

    [Fact]
    public async Task Hall_tickets_from_one_address_are_limited_on_the_kiosk_page_and_the_API_together()
    {
        var app = await apps.Small;
        var kiosk = app.From(ClientAddresses.Next());
        Assert.Equal(HttpStatusCode.Created, (await kiosk.PostAsJsonAsync("/api/halls/yinzhou/tickets", new { category = "A" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await kiosk.PostAsJsonAsync("/api/halls/yinzhou/tickets", new { category = "A" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await kiosk.PostFormAsync("/halls/yinzhou/kiosk", "/halls/yinzhou/kiosk", ("category", "A"))).StatusCode);
        await AssertTooManyAsync(await kiosk.PostAsJsonAsync("/api/halls/yinzhou/tickets", new { category = "A" }));
        await AssertTooManyAsync(await kiosk.PostFormAsync("/halls/yinzhou/kiosk", "/halls/yinzhou/kiosk", ("category", "A")));
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync("/api/halls/yinzhou/status")).StatusCode); // reading is not taking
        Assert.Equal(HttpStatusCode.Created, (await app.From(ClientAddresses.Next()).PostAsJsonAsync("/api/halls/yinzhou/tickets", new { category = "A" })).StatusCode);
    }

    [Fact]
    public async Task Appointment_check_ins_and_bookings_from_one_address_are_limited_together()
    {
        var app = await apps.Small;
        var kiosk = app.From(ClientAddresses.Next());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await kiosk.PostAsJsonAsync("/api/halls/yinzhou/check-in", new { code = "ABCD2345" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await kiosk.PostAsJsonAsync("/api/halls/yinzhou/check-in", new { code = "ABCD2346" })).StatusCode);
        await AssertTooManyAsync(await kiosk.PostAsJsonAsync("/api/halls/yinzhou/check-in", new { code = "ABCD2347" })); // guessing codes stops here
        await AssertTooManyAsync(await kiosk.PostAsJsonAsync("/api/halls/yinzhou/appointments", new { category = "A" }));
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync("/api/halls/yinzhou/slots?category=A&date=2026-01-05")).StatusCode); // reading is not booking
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.From(ClientAddresses.Next()).PostAsJsonAsync("/api/halls/yinzhou/check-in", new { code = "ABCD2348" })).StatusCode);
    }

    [Fact]
    public async Task Window_ratings_from_one_address_are_limited()
    {
        var app = await apps.Small;
        var tablet = app.From(ClientAddresses.Next());
        for (var i = 0; i < 2; i++) // a device not paired with the window: refused, but counted
            Assert.Equal(HttpStatusCode.Forbidden, (await tablet.PostAsJsonAsync("/api/halls/xifeng/windows/01/rating", new { ticket = "A999", level = 5 })).StatusCode);
        await AssertTooManyAsync(await tablet.PostAsJsonAsync("/api/halls/xifeng/windows/01/rating", new { ticket = "A999", level = 5 }));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await app.From(ClientAddresses.Next()).PostAsJsonAsync("/api/halls/xifeng/windows/01/rating", new { ticket = "A999", level = 5 })).StatusCode);
    }

    [Fact]
    public async Task Pushes_to_the_federation_endpoints_from_one_address_are_limited_before_anything_is_recorded()
    {
        var app = await apps.Small;
        var stranger = app.From(ClientAddresses.Next());
        for (var i = 0; i < 2; i++) // this host is no province: refused, but counted
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await stranger.PostAsJsonAsync("/api/federation/records", new { records = Array.Empty<object>() })).StatusCode);
        await AssertTooManyAsync(await stranger.PostAsJsonAsync("/api/federation/digest", new { }));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await app.From(ClientAddresses.Next()).PostAsJsonAsync("/api/federation/records", new { })).StatusCode);
    }

    [Fact]
    public async Task Configuration_fetches_and_node_reports_from_one_address_are_limited_before_anything_is_read()
    {
        var app = await apps.Small;
        var node = app.From(ClientAddresses.Next());
        Assert.Equal(HttpStatusCode.OK, (await node.GetAsync("/api/nodes/configuration")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await node.PostAsJsonAsync("/api/nodes/configuration", new { document = new { node = "x" } })).StatusCode);
        await AssertTooManyAsync(await node.PostAsJsonAsync("/api/nodes/configuration", new { }));
        Assert.Equal(HttpStatusCode.OK, (await app.From(ClientAddresses.Next()).GetAsync("/api/nodes/configuration")).StatusCode);
    }

    [Fact]
    public async Task Stamp_requests_and_stamp_lists_from_one_address_share_the_nodes_limit()
    {
        var app = await apps.Small;
        var node = app.From(ClientAddresses.Next());
        for (var i = 0; i < 2; i++) // an unsigned request is refused, but counted
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await node.PostAsJsonAsync("/api/nodes/stamps", new { document = new { node = "x" } })).StatusCode);
        await AssertTooManyAsync(await node.GetAsync("/api/nodes/stamps/12211200031892486P/fund-1"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await app.From(ClientAddresses.Next()).PostAsJsonAsync("/api/nodes/stamps", new { })).StatusCode);
    }
}
