using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Security;

namespace Tongban.Statistics.Tests;

/// <summary>
/// The public performance figures (政务服务效能公示): the efficiency supervisor publishes an ended month, anyone reads
/// it (page and open-data API) per department, a published month is a snapshot until published again, and bad months
/// and the wrong people are refused with nothing written. Each test owns a month no other test places cases in.
/// </summary>
public sealed partial class PublicPerformanceTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task A_supervisor_publishes_a_month_and_anyone_reads_each_departments_rates_in_both_languages_without_cases_or_people(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = new DateOnly(2013, 9, 2);
        var item = FactTests.NewItem();
        var (onTime, late) = (CaseEvents.New(item, DemoDepartments.Yinzhou), CaseEvents.New(item, DemoDepartments.Yinzhou));
        foreach (var c in new[] { onTime, late }) await app.DeliverAsync(c.Submitted(day), c.Accepted(day, day.AddDays(3)));
        await app.DeliverAsync(onTime.Concluded(day.AddDays(1)), late.Concluded(day.AddDays(10)), onTime.Rated(day.AddDays(2), 5), late.Rated(day.AddDays(11), 1));

        var supervisor = await app.SupervisorAsync();
        var preview = WebUtility.HtmlDecode(await supervisor.GetStringAsync("/statistics/performance?month=2013-09"));
        Assert.Contains("该月尚未发布", preview, StringComparison.Ordinal);
        using (var published = await supervisor.PostFormAsync("/statistics/performance?month=2013-09", "/statistics/performance", ("Month", "2013-09")))
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("由", WebUtility.HtmlDecode(await supervisor.GetStringAsync("/statistics/performance?month=2013-09")), StringComparison.Ordinal);

        var yinzhou = await RowAsync(app.Browser(), "2013-09", DemoDepartments.Yinzhou);
        Assert.Equal(2, yinzhou.GetProperty("concluded").GetInt64());
        Assert.Equal(50.0m, yinzhou.GetProperty("onTimeRate").GetDecimal());
        Assert.Equal(2, yinzhou.GetProperty("rated").GetInt64());
        Assert.Equal(50.0m, yinzhou.GetProperty("goodRate").GetDecimal());
        Assert.True(yinzhou.GetProperty("items").GetInt64() > 0, "the department's items in effect are counted");

        var anyone = app.Browser();
        var chinese = WebUtility.HtmlDecode(await anyone.GetStringAsync("/performance?month=2013-09"));
        Assert.Contains("政务服务效能公示", chinese, StringComparison.Ordinal);
        Assert.Contains("2013年9月", chinese, StringComparison.Ordinal);
        Assert.Contains(yinzhou.GetProperty("nameZh").GetString()!, chinese, StringComparison.Ordinal);
        Assert.Contains("50.0\u00a0%", chinese, StringComparison.Ordinal);
        NoCasesOrPeople(chinese, onTime, late);

        using (await anyone.GetAsync("/preferences/language?value=en&returnUrl=%2Fperformance")) { }
        var english = WebUtility.HtmlDecode(await anyone.GetStringAsync("/performance?month=2013-09"));
        Assert.Contains("Government service performance", english, StringComparison.Ordinal);
        Assert.Contains("Sep 2013", english, StringComparison.Ordinal);
        Assert.Contains("Concluded on time", english, StringComparison.Ordinal);
        NoCasesOrPeople(english, onTime, late);
    }

    [Theory, DatabaseLanes]
    public async Task A_published_month_stays_as_published_until_it_is_published_again(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = new DateOnly(2013, 10, 8);
        var item = FactTests.NewItem();
        var first = CaseEvents.New(item, DemoDepartments.Qinghe);
        await app.DeliverAsync(first.Submitted(day), first.Accepted(day, day.AddDays(5)), first.Concluded(day.AddDays(1)));
        var supervisor = await app.SupervisorAsync();
        await PublishAsync(supervisor, "2013-10");
        var anyone = app.Browser();
        Assert.Equal(1, (await RowAsync(anyone, "2013-10", DemoDepartments.Qinghe)).GetProperty("concluded").GetInt64());

        var second = CaseEvents.New(item, DemoDepartments.Qinghe);
        await app.DeliverAsync(second.Submitted(day), second.Accepted(day, day.AddDays(2)), second.Concluded(day.AddDays(9)));
        Assert.Equal(1, (await RowAsync(anyone, "2013-10", DemoDepartments.Qinghe)).GetProperty("concluded").GetInt64()); // the snapshot

        await PublishAsync(supervisor, "2013-10");
        var again = await RowAsync(anyone, "2013-10", DemoDepartments.Qinghe);
        Assert.Equal(2, again.GetProperty("concluded").GetInt64());
        Assert.Equal(50.0m, again.GetProperty("onTimeRate").GetDecimal());
    }

    [Theory, DatabaseLanes]
    public async Task The_last_ended_month_is_published_on_its_own_from_the_day_set_and_once(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = new DateOnly(2012, 2, 14);
        var c = CaseEvents.New(FactTests.NewItem(), DemoDepartments.Qinghe);
        await app.DeliverAsync(c.Submitted(day), c.Accepted(day, day.AddDays(5)), c.Concluded(day.AddDays(1)));
        async Task<string?> DueAsync(DateOnly today)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<Features.PublicPerformance.PublicPerformance>().PublishDueAsync(today, 5, CancellationToken.None);
        }
        var anyone = app.Browser();

        Assert.Null(await DueAsync(new DateOnly(2012, 3, 4))); // before the 5th: late events may still come
        using (var none = await anyone.GetAsync("/api/public/performance?month=2012-02"))
            Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("2012-02", await DueAsync(new DateOnly(2012, 3, 5)));
        Assert.Equal(1, (await RowAsync(anyone, "2012-02", DemoDepartments.Qinghe)).GetProperty("concluded").GetInt64());
        Assert.Null(await DueAsync(new DateOnly(2012, 3, 20))); // once: a month published (by hand or on its own) stays until published again by hand
    }

    [Theory, DatabaseLanes]
    public async Task Bad_months_and_the_wrong_people_are_refused_and_nothing_is_published(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var supervisor = await app.SupervisorAsync();
        foreach (var (month, words) in new[] { ("2013-13", "月份的格式"), ("2013-1", "月份的格式"), ("1999-12", "不能早于2000年1月"), ("2099-01", "已经结束的月份"), ("abc", "月份的格式") })
        {
            using var page = await supervisor.PostFormAsync("/statistics/performance", "/statistics/performance", ("Month", month));
            Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
            Assert.Contains(words, WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            using var api = await supervisor.PostAsync($"/api/statistics/performance/{Uri.EscapeDataString(month)}", null);
            Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        }
        var thisMonth = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        using (var notEnded = await supervisor.PostAsync($"/api/statistics/performance/{thisMonth}", null))
            Assert.Equal(HttpStatusCode.BadRequest, notEnded.StatusCode);

        using (var leader = await (await app.LeaderAsync()).PostAsync("/api/statistics/performance/2013-11", null))
            Assert.Equal(HttpStatusCode.Forbidden, leader.StatusCode);
        using (var anonymous = await app.Browser().PostAsync("/api/statistics/performance/2013-11", null))
            Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, anonymous.StatusCode.ToString());
        using (var clerkPage = await (await app.SignInAsync("窗口人员", Policies.WindowClerk)).GetAsync("/statistics/performance"))
        {
            Assert.Equal(HttpStatusCode.Redirect, clerkPage.StatusCode); // to the access-denied page, not the page itself
            Assert.DoesNotContain("/statistics/performance", clerkPage.Headers.Location?.AbsolutePath ?? clerkPage.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }

        using var unpublished = await app.Browser().GetAsync("/api/public/performance?month=2013-11");
        Assert.Equal(HttpStatusCode.NotFound, unpublished.StatusCode);
        using var badQuery = await app.Browser().GetAsync("/performance?month=13-2013");
        Assert.True(badQuery.StatusCode == HttpStatusCode.BadRequest, badQuery.StatusCode + await badQuery.Content.ReadAsStringAsync());
        Assert.Contains("月份的格式", WebUtility.HtmlDecode(await badQuery.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static async Task PublishAsync(HttpClient supervisor, string month)
    {
        using var response = await supervisor.PostAsync($"/api/statistics/performance/{month}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> RowAsync(HttpClient client, string month, string department)
    {
        using var response = await client.GetAsync($"/api/public/performance?month={month}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("departments").EnumerateArray().Single(r => r.GetProperty("department").GetString() == department).Clone();
    }

    private static void NoCasesOrPeople(string html, params CaseEvents[] cases)
    {
        var text = Tags().Replace(html, " ");
        foreach (var c in cases)
        {
            Assert.DoesNotContain(c.Number, text, StringComparison.Ordinal);
            Assert.DoesNotContain(c.ItemCode, text, StringComparison.Ordinal);
            Assert.DoesNotContain(c.Department, text, StringComparison.Ordinal);
        }
        Assert.DoesNotMatch(Guid(), text);
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-")]
    private static partial Regex Guid();
}
