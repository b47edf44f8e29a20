using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Tests;

public sealed class RealNameAndStaffTests(LaneApps lanes)
{
    private static async Task<HttpClient> RegisterAsAsync(TongbanApp app, string idNumber, string name)
    {
        var client = app.Browser();
        using var response = await client.PostFormAsync("/account/register", "/account/register",
            ("Input.IdNumber", idNumber), ("Input.Name", name), ("Input.Phone", People.NewPhone()), ("Input.Password", People.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [Theory, DatabaseLanes]
    public async Task A_living_person_in_the_population_registry_reaches_L2_and_sees_the_read_in_who_read_my_data(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var client = await RegisterAsAsync(app, "21122119700823902X", "刘淑珍");
        using var verified = await client.PostFormAsync("/account/verify", "/account/verify?handler=Verify");
        var page = People.Text(await verified.Content.ReadAsStringAsync());
        Assert.Contains("已升为二级实名", page, StringComparison.Ordinal);
        var reads = People.Text(await client.GetStringAsync("/account/my-data-reads"));
        Assert.Contains("实名认证", reads, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task No_match_and_a_deceased_person_are_refused_and_stay_at_L1(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var stranger = await app.RegisterAsync();
        using var noMatch = await stranger.Client.PostFormAsync("/account/verify", "/account/verify?handler=Verify");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noMatch.StatusCode);
        Assert.Contains("不匹配", People.Text(await noMatch.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var deceased = await RegisterAsAsync(app, "211202194103089047", "李秀兰");
        using var refused = await deceased.PostFormAsync("/account/verify", "/account/verify?handler=Verify");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("已死亡", People.Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("L1", People.Text(await deceased.GetStringAsync("/account")), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_staff_account_enrols_TOTP_before_admin_then_reaches_its_role_pages_is_refused_others_and_cannot_replay_a_code(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.SignInAsync("管理员", Policies.SystemAdministrator);
        var (id, phone) = (People.NewIdNumber(), People.NewPhone());
        using var created = await admin.PostFormAsync("/admin/identity/accounts", "/admin/identity/accounts",
            ("Input.IdNumber", id), ("Input.Name", "测试审查员"), ("Input.Phone", phone), ("Input.Password", People.Password),
            ("Input.DepartmentCode", "11211200061416624L"), ("Input.Roles", Policies.CatalogAdministrator));
        var list = People.Text(await created.Content.ReadAsStringAsync());
        Assert.Contains(ResidentIdNumber.Mask(id), list, StringComparison.Ordinal);
        Assert.DoesNotContain(id, list, StringComparison.Ordinal);

        var staff = app.Browser();
        using var signIn = await staff.PasswordSignInAsync(phone, People.Password);
        Assert.Equal("/account/security", signIn.Headers.Location!.OriginalString);
        using var blocked = await staff.GetAsync("/admin");
        Assert.Equal("/account/security", blocked.Headers.Location!.OriginalString);

        var security = await staff.GetStringAsync("/account/security");
        var key = Regex.Match(security, "<code id=\"shared-key\">([A-Z2-7]+)</code>").Groups[1].Value;
        var enrolledAt = DateTimeOffset.UtcNow;
        using var enrolled = await staff.PostFormAsync("/account/security", "/account/security?handler=Enrol", ("Code", Totp.Code(key, enrolledAt)));
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Equal(10, Regex.Count(await enrolled.Content.ReadAsStringAsync(), "class=\"recovery-code\""));

        using var allowed = await staff.GetAsync("/admin/catalog");
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        using var refused = await staff.GetAsync("/admin/identity/accounts");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("403", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The next sign-in asks for the authenticator code after the password.
        var again = app.Browser();
        using var first = await again.PasswordSignInAsync(id, People.Password);
        var ticket = Regex.Match(await first.Content.ReadAsStringAsync(), "name=\"Ticket\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(ticket);
        var enrolmentCode = Totp.Code(key, enrolledAt);
        using var replay = await again.PostFormAsync("/account/sign-in", "/account/sign-in?handler=Totp", ("Ticket", System.Net.WebUtility.HtmlDecode(ticket)), ("Code", enrolmentCode));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, replay.StatusCode);
        Assert.Contains("动态口令不正确", People.Text(await replay.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var second = await again.PostFormAsync("/account/sign-in", "/account/sign-in?handler=Totp", ("Ticket", System.Net.WebUtility.HtmlDecode(ticket)), ("Code", Totp.Code(key, DateTimeOffset.UtcNow.AddSeconds(30))));
        Assert.Equal("/admin", second.Headers.Location!.OriginalString);
    }

    [Theory, DatabaseLanes]
    public async Task ID_numbers_never_reach_the_logs(DatabaseLane lane)
    {
        var logs = new ConcurrentQueue<string>();
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using var app = new TongbanApp(database, new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" },
            services => services.AddLogging(b => b.AddProvider(new CapturingLoggerProvider(logs))));
        var (id, _, client) = await app.RegisterAsync();
        using (await app.Browser().PasswordSignInAsync(id, "Wrong-Password-1")) { }
        using (await app.Browser().PasswordSignInAsync(id, People.Password)) { }
        using (await client.PostFormAsync("/account/verify", "/account/verify?handler=Verify")) { }
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, line => line.Contains(id, StringComparison.Ordinal));
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(lines);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue(formatter(state, exception) + exception);
        }
    }
}
