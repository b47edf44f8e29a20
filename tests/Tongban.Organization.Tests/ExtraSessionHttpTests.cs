using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;

namespace Tongban.Organization.Tests;

/// <summary>延时服务 / 周末不打烊 over HTTP: the API and the edit page on a hall of the test's own; the demo city centre's public page and 'open now' by a fake clock.</summary>
public sealed class ExtraSessionHttpTests(LaneApps apps)
{
    private static readonly object Evening = new { kind = "extended", days = new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }, from = "17:00", to = "19:00", windows = new[] { "1" } };
    private static readonly object Saturday = new { kind = "weekend", days = new[] { "Saturday" }, from = "09:00", to = "12:00", windows = new[] { "1", "2" } };

    private async Task<(TongbanApp App, HttpClient Admin, string Slug)> HallOfOwnAsync(DatabaseLane lane, string name)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("管理员", Policies.SystemAdministrator);
        var slug = $"{name}-{lane}".ToLowerInvariant();
        using (var created = await admin.PostAsJsonAsync("/api/organization/halls", new
        {
            slug, name = $"{name}便民服务中心", divisionCode = "211221101000", address = "新台子镇政府一楼",
            openingHours = new[] { new { from = "08:30", to = "11:30" }, new { from = "13:00", to = "17:00" } },
        })) Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var department = (await app.CreateClient().GetFromJsonAsync<DepartmentInfo[]>("/api/organization/departments?division=211200"))![0];
        foreach (var number in new[] { "1", "2", "3" })
            using (var window = await admin.PostAsJsonAsync($"/api/organization/halls/{slug}/windows", new { number, departmentId = department.Id, name = $"{number}号窗口" }))
                Assert.Equal(HttpStatusCode.Created, window.StatusCode);
        return (app, admin, slug);
    }

    private static async Task<JsonElement> ExtraSessionsAsync(TongbanApp app, string slug) =>
        (await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/organization/halls/{slug}")).GetProperty("extraSessions");

    [Theory, DatabaseLanes]
    public async Task An_administrator_sets_an_evening_and_a_Saturday_session_and_the_public_page_shows_them(DatabaseLane lane)
    {
        var (app, admin, slug) = await HallOfOwnAsync(lane, "extra-api");
        using (var set = await admin.PutAsJsonAsync($"/api/organization/halls/{slug}/extra-sessions", new[] { Evening, Saturday }))
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var stored = await ExtraSessionsAsync(app, slug);
        Assert.Equal(["Extended", "Weekend"], stored.EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal(["1", "2"], stored[1].GetProperty("windows").EnumerateArray().Select(w => w.GetString()));

        var page = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/halls/{slug}"));
        Assert.Contains("延时服务 周一至周五 17:00–19:00", page, StringComparison.Ordinal);
        Assert.Contains("周末不打烊 周六 09:00–12:00", page, StringComparison.Ordinal);
        Assert.Contains("法定节假日除外", page, StringComparison.Ordinal);
        Assert.Contains("服务窗口：1、2", page, StringComparison.Ordinal);

        // The directory that other modules read carries them, with the rule of which day they run.
        await using var scope = app.Services.CreateAsyncScope();
        var hall = (await scope.ServiceProvider.GetRequiredService<IOrganizationDirectory>().ListHallsAsync(TestContext.Current.CancellationToken)).Single(h => h.Slug == slug);
        Assert.Equal(2, hall.ExtraSessions.Count);

        // A window serving in a session cannot be closed while it does.
        var windowId = (await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/organization/halls/{slug}")).GetProperty("windows")
            .EnumerateArray().Single(w => w.GetProperty("number").GetString() == "2").GetProperty("id").GetGuid();
        using (var close = await admin.DeleteAsync($"/api/organization/halls/{slug}/windows/{windowId}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, close.StatusCode);
            Assert.Contains("周末不打烊 周六 09:00–12:00", await close.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory, DatabaseLanes]
    public async Task Bad_sessions_are_refused_as_problem_details_in_both_languages_and_nothing_is_saved(DatabaseLane lane)
    {
        var (app, admin, slug) = await HallOfOwnAsync(lane, "extra-bad");
        using (await admin.PutAsJsonAsync($"/api/organization/halls/{slug}/extra-sessions", new[] { Evening })) { }
        var bad = new object[]
        {
            new { kind = "extended", days = new[] { "Monday" }, from = "16:00", to = "18:00", windows = new[] { "1" } },  // overlaps 13:00–17:00
            new { kind = "weekend", days = new[] { "Saturday" }, from = "12:00", to = "09:00", windows = new[] { "1" } },  // ends before it starts
            new { kind = "weekend", days = new[] { "Sunday" }, from = "09:00", to = "12:00", windows = new[] { "9" } },   // no window 9
        };
        using (var refused = await admin.PutAsJsonAsync($"/api/organization/halls/{slug}/extra-sessions", bad))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(["hall.extra_overlaps_hours", "hall.extra_order", "hall.extra_window_unknown"],
                problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()));
            Assert.Contains("本大厅没有9号窗口", problem.GetRawText(), StringComparison.Ordinal);
        }
        using (var request = new HttpRequestMessage(HttpMethod.Put, $"/api/organization/halls/{slug}/extra-sessions") { Content = JsonContent.Create(bad[..1]) })
        {
            request.Headers.AcceptLanguage.ParseAdd("en");
            using var english = await admin.SendAsync(request);
            Assert.Contains("overlaps the working-day session 13:00–17:00", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var unreadable = await admin.PutAsJsonAsync($"/api/organization/halls/{slug}/extra-sessions", new[] { new { kind = "nightly", days = new[] { "Funday" }, from = "7pm", to = "9pm", windows = new[] { "1" } } }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, unreadable.StatusCode);
            Assert.Contains("extended", await unreadable.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // The evening set before is all there is.
        var stored = await ExtraSessionsAsync(app, slug);
        Assert.Equal(1, stored.GetArrayLength());
        Assert.Equal("17:00:00", stored[0].GetProperty("from").GetString());
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, List<KeyValuePair<string, string>> fields)
    {
        fields.Add(new("__RequestVerificationToken", await TongbanApp.AntiforgeryTokenAsync(client, path)));
        return await client.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    [Theory, DatabaseLanes]
    public async Task The_edit_page_adds_a_session_and_shows_a_bad_one_inline_saving_nothing(DatabaseLane lane)
    {
        var (app, admin, slug) = await HallOfOwnAsync(lane, "extra-page");
        var path = $"/admin/organization/halls/{slug}";
        List<KeyValuePair<string, string>> Form(string from, string to, params string[] windows) =>
        [
            new("Session.Kind", "Weekend"), new("Session.Days", "Saturday"), new("Session.Days", "Sunday"),
            new("Session.From", from), new("Session.To", to), .. windows.Select(w => new KeyValuePair<string, string>("Session.Windows", w)),
        ];
        using (var bad = await PostFormAsync(admin, path, "AddSession", Form("12:00", "09:00", "3")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Contains("周末不打烊 周六、周日 12:00–09:00的结束时间应晚于开始时间", html, StringComparison.Ordinal);
            Assert.Contains("value=\"12:00\"", html, StringComparison.Ordinal); // what was typed stays
        }
        Assert.Equal(0, (await ExtraSessionsAsync(app, slug)).GetArrayLength());
        using (var added = await PostFormAsync(admin, path, "AddSession", Form("09:00", "12:00", "3")))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(path));
        Assert.Contains("周末不打烊 周六、周日 09:00–12:00", page, StringComparison.Ordinal);
        using (var removed = await PostFormAsync(admin, $"{path}", "RemoveSession&index=0", []))
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, (await ExtraSessionsAsync(app, slug)).GetArrayLength());
    }

    [Theory, DatabaseLanes]
    public async Task Open_now_follows_the_city_centres_evening_and_Saturday_and_a_Sunday_stays_closed(DatabaseLane lane)
    {
        // Local times (UTC+8): Saturday 2026-12-12 10:00, Sunday 12-13 10:00, Monday 12-14 18:00 and 19:30, Saturday 10-03 (National Day) 10:00.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 3, 2, 0, 0, TimeSpan.Zero));
        var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using (database)
        await using (var app = new TongbanApp(database, services: s => s.AddSingleton<TimeProvider>(clock)))
        {
            var client = app.CreateClient();
            async Task<JsonElement> StatusAt(DateTimeOffset utc)
            {
                clock.SetUtcNow(utc);
                return (await client.GetFromJsonAsync<JsonElement>("/api/organization/halls/city-centre")).GetProperty("status");
            }
            // A Saturday of the National Day holiday: the Saturday session does not run (it does not say it runs on holidays).
            Assert.Equal("ClosedNonWorkingDay", (await StatusAt(new DateTimeOffset(2026, 10, 3, 2, 0, 0, TimeSpan.Zero))).GetProperty("state").GetString());

            clock.SetUtcNow(new DateTimeOffset(2026, 12, 12, 2, 0, 0, TimeSpan.Zero));
            var page = WebUtility.HtmlDecode(await client.GetStringAsync("/halls/city-centre"));
            Assert.Contains("正在办公（周末不打烊，至12:00）", page, StringComparison.Ordinal);
            Assert.Contains("延时服务 周一至周五 17:00–19:00", page, StringComparison.Ordinal);
            Assert.Contains("周末不打烊 周六 09:00–12:00", page, StringComparison.Ordinal);
            Assert.Contains("正在办公（周末不打烊，至12:00）", WebUtility.HtmlDecode(await client.GetStringAsync("/halls")), StringComparison.Ordinal);
            Assert.Contains("今天不是工作日，大厅休息", WebUtility.HtmlDecode(await client.GetStringAsync("/halls")), StringComparison.Ordinal); // a county hall has no Saturday

            var sunday = await StatusAt(new DateTimeOffset(2026, 12, 13, 2, 0, 0, TimeSpan.Zero));
            Assert.Equal(("ClosedNonWorkingDay", "2026-12-14"), (sunday.GetProperty("state").GetString(), sunday.GetProperty("nextOpenDay").GetString()));
            var evening = await StatusAt(new DateTimeOffset(2026, 12, 14, 10, 0, 0, TimeSpan.Zero));
            Assert.Equal(("OpenNow", "Extended"), (evening.GetProperty("state").GetString(), evening.GetProperty("session").GetString()));
            Assert.Equal("ClosedForToday", (await StatusAt(new DateTimeOffset(2026, 12, 14, 11, 30, 0, TimeSpan.Zero))).GetProperty("state").GetString());
        }
    }
}
