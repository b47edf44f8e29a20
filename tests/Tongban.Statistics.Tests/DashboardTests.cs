using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Tongban.Statistics.Tests;

/// <summary>The leader's dashboard, the cases behind a figure and the CSV export, in both languages.</summary>
public sealed partial class DashboardTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task The_dashboard_shows_figures_chart_and_table_in_Chinese_and_English_without_codes(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = new DateOnly(2017, 2, 6);
        var c = CaseEvents.New(FactTests.NewItem(), DemoDepartments.Yinzhou);
        await app.DeliverAsync(c.Submitted(day), c.Accepted(day, day.AddDays(3)), c.Concluded(day.AddDays(1)));
        var leader = await app.LeaderAsync();
        const string Address = "/statistics?From=2017-01-01&To=2017-02-28&Indicator=concluded";

        var chinese = await leader.GetStringAsync(Address);
        Assert.Contains("领导驾驶舱", chinese, StringComparison.Ordinal);
        Assert.Contains("<svg class=\"chart\"", chinese, StringComparison.Ordinal);
        Assert.Contains("<table class=\"table\" id=\"trend-table\"", chinese, StringComparison.Ordinal);
        Assert.Contains("2017年2月", chinese, StringComparison.Ordinal);
        Assert.Contains("按时办结率", chinese, StringComparison.Ordinal);
        NoCodes(chinese, c);

        using (await leader.GetAsync("/preferences/language?value=en&returnUrl=%2Fstatistics")) { }
        var english = await leader.GetStringAsync(Address);
        Assert.Contains("Leader&#x27;s dashboard", english, StringComparison.Ordinal);
        Assert.Contains("Feb 2017", english, StringComparison.Ordinal);
        Assert.Contains("Concluded on time", english, StringComparison.Ordinal);
        NoCodes(english, c);
    }

    [Theory, DatabaseLanes]
    public async Task A_figure_opens_the_cases_behind_it_each_linking_to_the_workbench(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = new DateOnly(2016, 5, 2);
        var item = FactTests.NewItem();
        var (onTime, late) = (CaseEvents.New(item, DemoDepartments.Qinghe), CaseEvents.New(item, DemoDepartments.Qinghe));
        foreach (var c in new[] { onTime, late }) await app.DeliverAsync(c.Submitted(day), c.Accepted(day, day.AddDays(2)));
        await app.DeliverAsync(onTime.Concluded(day.AddDays(1)), late.Concluded(day.AddDays(8)));
        var leader = await app.LeaderAsync();

        var dashboard = WebUtility.HtmlDecode(await leader.GetStringAsync($"/statistics?From=2016-05-01&To=2016-05-31&Department={DemoDepartments.Qinghe}&Indicator=overdue"));
        var link = OverdueLink().Match(dashboard);
        Assert.True(link.Success, "the overdue figure links to its cases");
        var list = await leader.GetStringAsync(link.Groups[1].Value);
        Assert.Contains($"href=\"/admin/cases/{late.Number}\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain(onTime.Number, list, StringComparison.Ordinal);
        Assert.Contains("共 1 件", list, StringComparison.Ordinal);

        var received = await leader.GetStringAsync($"/statistics/cases?indicator=received&from=2016-05-01&to=2016-05-31&department={DemoDepartments.Qinghe}");
        Assert.Contains(onTime.Number, received, StringComparison.Ordinal);
        Assert.Contains(late.Number, received, StringComparison.Ordinal);
        var none = WebUtility.HtmlDecode(await leader.GetStringAsync($"/statistics/cases?indicator=received&from=2016-04-01&to=2016-04-30&department={DemoDepartments.Qinghe}"));
        Assert.Contains("这一期间没有计入此项指标的办件", none, StringComparison.Ordinal); // said in words, not an empty table
        Assert.DoesNotContain("<table", none, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task The_csv_export_carries_the_table_s_figures_and_bad_dates_are_shown_inline(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = new DateOnly(2015, 9, 7);
        var item = FactTests.NewItem();
        foreach (var c in new[] { CaseEvents.New(item, DemoDepartments.County), CaseEvents.New(item, DemoDepartments.County), CaseEvents.New(item, DemoDepartments.Yinzhou) })
            await app.DeliverAsync(c.Submitted(day));
        var leader = await app.LeaderAsync();

        using var export = await leader.GetAsync("/statistics/export.csv?indicator=received&by=department&from=2015-09-01&to=2015-09-30");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("分组 / Slice,", lines[0], StringComparison.Ordinal);
        Assert.Equal(["2", "1", "3"], lines.Skip(1).Select(l => l.Split(',')[2]));
        Assert.EndsWith(",3,3,", lines[^1], StringComparison.Ordinal);

        using var bad = await leader.GetAsync("/statistics?From=2015-09-30&To=2015-09-01");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("结束日期早于开始日期", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task The_excel_export_opens_with_bilingual_headers_the_figures_and_the_period_as_dates(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = new DateOnly(2014, 6, 9);
        var item = FactTests.NewItem();
        foreach (var c in new[] { CaseEvents.New(item, DemoDepartments.County), CaseEvents.New(item, DemoDepartments.County), CaseEvents.New(item, DemoDepartments.Qinghe) })
            await app.DeliverAsync(c.Submitted(day));
        var leader = await app.LeaderAsync();
        var dashboard = await leader.GetStringAsync("/statistics?From=2014-06-01&To=2014-06-30&Indicator=received");
        Assert.Contains("/statistics/export.xlsx?", dashboard, StringComparison.Ordinal);

        using var export = await leader.GetAsync("/statistics/export.xlsx?indicator=received&by=department&from=2014-06-01&to=2014-06-30");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        using var file = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(["分组 / Slice", "Slice (English)", "收件量 / Cases received", "分子 / Numerator", "分母 / Denominator", "开始日期 / From", "结束日期 / To"], rows[0].Keys);
        Assert.Equal([2.0, 1.0, 3.0], rows.Select(r => Convert.ToDouble(r["收件量 / Cases received"], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("合计", rows[^1]["分组 / Slice"]);
        Assert.Equal(new DateTime(2014, 6, 1), rows[0]["开始日期 / From"]);
        Assert.Equal(new DateTime(2014, 6, 30), rows[^1]["结束日期 / To"]);

        using var bad = await leader.GetAsync("/statistics/export.xlsx?indicator=received&by=week");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    /// <summary>What a person reads (the text between tags) names no department by its code and shows no GUID.</summary>
    private static void NoCodes(string html, CaseEvents c)
    {
        var text = Tags().Replace(html, " ");
        Assert.DoesNotContain(c.Department, text, StringComparison.Ordinal);
        Assert.DoesNotContain(c.ItemCode, text, StringComparison.Ordinal);
        Assert.DoesNotMatch(Guid(), text);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex("<a href=\"(/statistics/cases\\?[^\"]+)\" class=\"stat-figure\">1<")]
    private static partial Regex OverdueLink();
}
