using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tongban.Kernel.Security;

namespace Tongban.Statistics.Tests;

/// <summary>
/// Case figures sliced and filtered by the case's division and its level (city / county / township / village): the API,
/// the dashboard's switch, the drill-down and the exports keep the filter; bad input is named; a department head still
/// sees their department only.
/// </summary>
public sealed partial class SlicingTests(LaneApps lanes)
{
    private const string City = "211200000000", Yinzhou = "211202000000", Hongqi = "211202001000", Xinxing = "211221101006";

    /// <summary>Received in August 2012: Yinzhou's department 2 cases of 银州区 (one sent in the short form), 1 of 红旗街道, 1 of 铁岭市; Qinghe's 1 of 新兴社区.</summary>
    private static async Task<string> PlaceCasesAsync(TongbanApp app, DateOnly day)
    {
        var item = FactTests.NewItem();
        CaseEvents[] cases =
        [
            CaseEvents.New(item, DemoDepartments.Yinzhou, division: "211202"), CaseEvents.New(item, DemoDepartments.Yinzhou, division: Yinzhou),
            CaseEvents.New(item, DemoDepartments.Yinzhou, division: Hongqi), CaseEvents.New(item, DemoDepartments.Yinzhou, division: City),
            CaseEvents.New(item, DemoDepartments.Qinghe, division: Xinxing),
        ];
        foreach (var c in cases) await app.DeliverAsync(c.Submitted(day));
        return item;
    }

    [Theory, DatabaseLanes]
    public async Task Figures_by_division_and_by_level_name_each_row_and_filter_to_one(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = lane == DatabaseLane.Sqlite ? new DateOnly(2012, 8, 6) : new DateOnly(2012, 9, 3);
        var item = await PlaceCasesAsync(app, day);
        var leader = await app.LeaderAsync();
        var period = $"from={day:yyyy-MM-01}&to={day.AddDays(20):yyyy-MM-dd}";

        var byDivision = await leader.FiguresAsync($"received?by=division&{period}");
        Assert.Equal(new Dictionary<string, decimal?> { [Yinzhou] = 2, [Hongqi] = 1, [City] = 1, [Xinxing] = 1 }, byDivision.Values());
        var labels = byDivision.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("labelZh").GetString());
        Assert.Equal("银州区", labels[Yinzhou]);
        Assert.Contains("红旗街道", labels[Hongqi], StringComparison.Ordinal);
        Assert.Equal("铁岭市", labels[City]);

        var byLevel = await leader.FiguresAsync($"received?by=level&{period}");
        Assert.Equal(["city", "county", "township", "village"], byLevel.Values().Keys); // in the levels' order
        Assert.Equal([1m, 2m, 1m, 1m], byLevel.Values().Values.Select(v => v!.Value));
        Assert.Equal(["市级", "县级", "乡镇级", "村级"], byLevel.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("labelZh").GetString()));
        Assert.Equal("County", byLevel.GetProperty("rows")[1].GetProperty("labelEn").GetString());

        var oneDivision = await leader.FiguresAsync($"received?by=item&{period}&division=211202");
        Assert.Equal(Yinzhou, oneDivision.GetProperty("division").GetString());
        Assert.Equal(2, oneDivision.Values()[item]);
        var county = await leader.FiguresAsync($"received?by=department&{period}&level=county");
        Assert.Equal("county", county.GetProperty("level").GetString());
        Assert.Equal(new Dictionary<string, decimal?> { [DemoDepartments.Yinzhou] = 2 }, county.Values());
        Assert.Equal(1, (await leader.FiguresAsync($"received?by=level&{period}&department={DemoDepartments.Yinzhou}&level=township")).Values()["township"]);
    }

    [Theory, DatabaseLanes]
    public async Task Unknown_division_level_or_slicing_is_a_400_naming_it_in_both_languages(DatabaseLane lane)
    {
        var leader = await (await lanes.For(lane)).LeaderAsync();
        foreach (var (query, field) in new[]
        {
            ("received?division=219999", "division"), ("received?division=abc", "division"), ("received?division=001200", "division"),
            ("received?level=planet", "level"), ("received?level=City", "level"), ("received?by=region", "by"), ("received?by=levels", "by"),
        })
        {
            foreach (var address in new[] { "/api/statistics/" + query, "/statistics/export.csv?indicator=" + query.Replace('?', '&') })
            {
                using var response = await leader.GetAsync(address);
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{address}: {(int)response.StatusCode} {body}");
                var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray();
                Assert.Contains(errors, e => e.GetProperty("field").GetString() == field && e.GetProperty("zh").GetString()!.Length > 0 && e.GetProperty("en").GetString()!.Length > 0);
            }
        }
        using var page = await leader.GetAsync("/statistics?Division=219999");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("没有这个行政区划", html, StringComparison.Ordinal);
        using var cases = await leader.GetAsync("/statistics/cases?indicator=received&level=planet");
        Assert.Equal(HttpStatusCode.BadRequest, cases.StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task A_department_head_slicing_by_division_sees_their_department_only(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = lane == DatabaseLane.Sqlite ? new DateOnly(2012, 10, 8) : new DateOnly(2012, 11, 5);
        var item = FactTests.NewItem();
        // Both departments have a case in 银州区; the head of Qinghe's sees theirs only.
        var (own, other) = (CaseEvents.New(item, DemoDepartments.Qinghe, division: Yinzhou), CaseEvents.New(item, DemoDepartments.Yinzhou, division: Yinzhou));
        await app.DeliverAsync(own.Submitted(day), other.Submitted(day));
        var head = await app.DepartmentHeadAsync(DemoDepartments.Qinghe);
        var period = $"from={day:yyyy-MM-01}&to={day.AddDays(20):yyyy-MM-dd}";

        Assert.Equal(new Dictionary<string, decimal?> { [Yinzhou] = 1 }, (await head.FiguresAsync($"received?by=division&{period}")).Values());
        Assert.Equal(new Dictionary<string, decimal?> { ["county"] = 1 }, (await head.FiguresAsync($"received?by=level&{period}")).Values());
        var list = await head.GetStringAsync($"/statistics/cases?indicator=received&{period}&division={Yinzhou}");
        Assert.Contains(own.Number, list, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Number, list, StringComparison.Ordinal);
        using (var another = await head.GetAsync($"/api/statistics/received?by=division&{period}&department={DemoDepartments.Yinzhou}"))
            Assert.Equal(HttpStatusCode.NotFound, another.StatusCode);
        var dashboard = WebUtility.HtmlDecode(await head.GetStringAsync($"/statistics?From={day:yyyy-MM-01}&To={day.AddDays(20):yyyy-MM-dd}&By=division"));
        Assert.Contains("id=\"division-table\"", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain("By=department", dashboard, StringComparison.Ordinal); // one department: no switch to slice by department
        Assert.Matches("<a href=\"/statistics\\?[^\"]*By=level\"", dashboard);

        var clerk = await app.SignInAsync("区划窗口人员", new StaffScope(DemoDepartments.Qinghe, null, []), Policies.WindowClerk);
        using (var api = await clerk.GetAsync($"/api/statistics/received?by=division&{period}"))
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        using (var csv = await clerk.GetAsync($"/statistics/export.csv?indicator=received&by=level&{period}"))
        {
            Assert.True(csv.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)csv.StatusCode}");
            Assert.NotEqual("text/csv", csv.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory, DatabaseLanes]
    public async Task The_dashboard_switches_to_division_and_level_and_its_links_and_exports_keep_the_filter(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = lane == DatabaseLane.Sqlite ? new DateOnly(2011, 8, 8) : new DateOnly(2011, 9, 5);
        var item = await PlaceCasesAsync(app, day);
        var leader = await app.LeaderAsync();
        var period = $"From={day:yyyy-MM-01}&To={day.AddDays(20):yyyy-MM-dd}";

        var byDivision = WebUtility.HtmlDecode(await leader.GetStringAsync($"/statistics?{period}&Indicator=received&By=division"));
        Assert.Contains("id=\"division-table\"", byDivision, StringComparison.Ordinal);
        Assert.Contains("银州区红旗街道", byDivision, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/statistics\\?[^\"]*By=level\"", byDivision); // the switch
        NoDivisionCodes(byDivision);
        var link = Regex.Match(byDivision, $"<a href=\"(/statistics/cases\\?[^\"]*division={Hongqi}[^\"]*)\">1<");
        Assert.True(link.Success, "a division's figure opens its cases");
        var list = await leader.GetStringAsync(link.Groups[1].Value);
        Assert.Contains("共 1 件", list, StringComparison.Ordinal);

        // Filtered to the county level and sliced by level: the drill-down and the exports carry level=county.
        var byLevel = WebUtility.HtmlDecode(await leader.GetStringAsync($"/statistics?{period}&Indicator=received&By=level&Level=county"));
        Assert.Contains("id=\"level-table\"", byLevel, StringComparison.Ordinal);
        Assert.Contains("县级", byLevel, StringComparison.Ordinal);
        var csvLink = Regex.Match(byLevel, "href=\"(/statistics/export\\.csv\\?[^\"]*by=level[^\"]*)\"");
        Assert.Contains("level=county", csvLink.Groups[1].Value, StringComparison.Ordinal);
        using var export = await leader.GetAsync(csvLink.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var lines = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["县级,County,2,2,"], lines.Skip(1).Take(1));
        var countyCases = Regex.Match(byLevel, "<a href=\"(/statistics/cases\\?[^\"]*level=county[^\"]*)\">2<");
        Assert.True(countyCases.Success, "the county row opens its cases");
        Assert.Contains("共 2 件", await leader.GetStringAsync(countyCases.Groups[1].Value), StringComparison.Ordinal);

        using var xlsx = await leader.GetAsync($"/statistics/export.xlsx?indicator=received&by=division&from={day:yyyy-MM-01}&to={day.AddDays(20):yyyy-MM-dd}&division={Xinxing}");
        using var file = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count); // the division and the total
        Assert.Contains("新兴社区", (string)rows[0]["分组 / Slice"]!, StringComparison.Ordinal);
        _ = item;
    }

    /// <summary>The text between tags names no division by its 12-digit code.</summary>
    private static void NoDivisionCodes(string html) => Assert.DoesNotMatch(TwelveDigits(), Tags().Replace(html, " "));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("\\b2112\\d{8}\\b")]
    private static partial Regex TwelveDigits();
}
