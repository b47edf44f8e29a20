using System.Net;
using System.Text.RegularExpressions;
using Tongban.Kernel.Security;

namespace Tongban.Statistics.Tests;

/// <summary>
/// A department's page (/statistics/department): a department head's own figures, charts and cases; another department's
/// not found (the page and the API, in both languages); the link on the admin home for heads only; a region-wide reader chooses.
/// </summary>
public sealed partial class DepartmentPageTests(LaneApps lanes)
{
    private static readonly DateOnly Day = new(2010, 7, 5);
    private const string July = "From=2010-07-01&To=2010-07-31";

    [Theory, DatabaseLanes]
    public async Task A_department_head_sees_their_department_s_figures_charts_and_cases_in_both_languages(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var item = FactTests.NewItem();
        var (own, other) = (CaseEvents.New(item, DemoDepartments.County), CaseEvents.New(item, DemoDepartments.Qinghe));
        foreach (var c in new[] { own, other })
            await app.DeliverAsync(c.Submitted(Day), c.Accepted(Day, Day.AddDays(1)), c.Concluded(Day.AddDays(6)));
        var head = await app.DepartmentHeadAsync(DemoDepartments.County);

        var chinese = WebUtility.HtmlDecode(await head.GetStringAsync($"/statistics/department?{July}&Indicator=overdue"));
        Assert.Contains("部门统计：铁岭县营商环境建设局", chinese, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", chinese, StringComparison.Ordinal);
        Assert.Contains("id=\"trend-table\"", chinese, StringComparison.Ordinal);
        Assert.Contains("差评整改按时率", chinese, StringComparison.Ordinal);
        Assert.Contains("href=\"/statistics/department?Indicator=appeals", chinese, StringComparison.Ordinal); // the trend links stay on the page
        Assert.DoesNotContain(DemoDepartments.County, Tags().Replace(chinese, " "), StringComparison.Ordinal);
        var link = OverdueLink().Match(chinese);
        Assert.True(link.Success, "the overdue figure opens its cases");
        var cases = await head.GetStringAsync(link.Groups[1].Value);
        Assert.Contains($"href=\"/admin/cases/{own.Number}\"", cases, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Number, cases, StringComparison.Ordinal);

        using (await head.GetAsync("/preferences/language?value=en&returnUrl=%2Fstatistics%2Fdepartment")) { }
        var english = WebUtility.HtmlDecode(await head.GetStringAsync($"/statistics/department?{July}"));
        Assert.Contains("Department figures: Tieling County Business Environment Development Bureau", english, StringComparison.Ordinal);
        Assert.Contains("Rectified on time", english, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Another_department_s_page_figures_and_cases_are_not_found_for_a_head_in_both_languages(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var head = await app.DepartmentHeadAsync(DemoDepartments.County);
        using (var page = await head.GetAsync($"/statistics/department?{July}&Department={DemoDepartments.Qinghe}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.DoesNotContain("清河区营商环境建设局", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var cases = await head.GetAsync($"/statistics/cases?indicator=received&from=2010-07-01&to=2010-07-31&department={DemoDepartments.Qinghe}"))
            Assert.Equal(HttpStatusCode.NotFound, cases.StatusCode);
        using var api = await head.GetAsync($"/api/statistics/received?from=2010-07-01&to=2010-07-31&department={DemoDepartments.Qinghe}");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        var problem = await api.Content.ReadAsStringAsync();
        Assert.Contains("该部门的统计", Regex.Unescape(problem), StringComparison.Ordinal);
        Assert.Contains("That department's figures", Regex.Unescape(problem), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task The_admin_home_links_the_page_for_department_heads_only_and_a_region_wide_reader_chooses(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        const string Link = "href=\"/statistics/department\"";
        Assert.Contains(Link, await (await app.DepartmentHeadAsync(DemoDepartments.Qinghe)).GetStringAsync("/admin"), StringComparison.Ordinal);
        var leader = await app.LeaderAsync();
        Assert.DoesNotContain(Link, await leader.GetStringAsync("/admin"), StringComparison.Ordinal);
        var clerk = await app.SignInAsync("部门页窗口", new StaffScope(DemoDepartments.Qinghe, null, []), Policies.WindowClerk);
        Assert.DoesNotContain(Link, await clerk.GetStringAsync("/admin"), StringComparison.Ordinal);
        using (var refused = await clerk.GetAsync("/statistics/department"))
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)refused.StatusCode}");

        var choose = WebUtility.HtmlDecode(await leader.GetStringAsync("/statistics/department"));
        Assert.Contains($"href=\"/statistics/department?Department={DemoDepartments.Qinghe}\"", choose, StringComparison.Ordinal);
        Assert.Contains("清河区营商环境建设局", choose, StringComparison.Ordinal);
        Assert.Contains("部门统计：清河区营商环境建设局", WebUtility.HtmlDecode(await leader.GetStringAsync($"/statistics/department?{July}&Department={DemoDepartments.Qinghe}")), StringComparison.Ordinal);
        using (var unknown = await leader.GetAsync($"/statistics/department?Department=91000000000000000X"))
            Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        foreach (var input in Fuzz.Strings(DemoDepartments.Qinghe, mutations: 12))
        {
            var address = "/statistics/department?Department=" + Uri.EscapeDataString(input) + "&From=" + Uri.EscapeDataString(input);
            using var response = await leader.GetAsync(address);
            await Fuzz.AssertHandledAsync(response, address, HttpStatusCode.OK, HttpStatusCode.BadRequest);
        }
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("<a href=\"(/statistics/cases\\?[^\"]+)\" class=\"stat-figure\">1<")]
    private static partial Regex OverdueLink();
}
