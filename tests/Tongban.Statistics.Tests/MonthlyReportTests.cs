using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf.IO;
using Tongban.Kernel.Security;
using Tongban.Statistics.Features.MonthlyReport;

namespace Tongban.Statistics.Tests;

/// <summary>
/// A department's monthly report (月度报告, PDF): every indicator this month, last month and the year to the month's end,
/// the items with the most cases; a department head gets their own only; bad months and departments are refused.
/// </summary>
public sealed class MonthlyReportTests(LaneApps lanes)
{
    private static readonly DateOnly February = new(2007, 2, 5), March = new(2007, 3, 5);

    [Theory, DatabaseLanes]
    public async Task A_department_head_gets_their_month_with_last_month_and_the_year_beside_it_as_a_pdf(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (early, busy) = (FactTests.NewItem(), FactTests.NewItem());
        var (a, b, c) = (CaseEvents.New(early, DemoDepartments.Qinghe), CaseEvents.New(busy, DemoDepartments.Qinghe), CaseEvents.New(busy, DemoDepartments.Qinghe));
        await app.DeliverAsync(a.Submitted(February), a.Accepted(February.AddDays(1), February.AddDays(7)), a.Concluded(February.AddDays(4)), a.Rated(February.AddDays(5), 5));
        await app.DeliverAsync(b.Submitted(March), b.Accepted(March.AddDays(1), March.AddDays(3)), b.Concluded(March.AddDays(7)), c.Submitted(March.AddDays(2)));

        var head = await app.DepartmentHeadAsync(DemoDepartments.Qinghe);
        using var response = await head.GetAsync("/statistics/report.pdf?month=2007-03");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var pdf = PdfReader.Open(new MemoryStream(bytes), PdfDocumentOpenMode.Import))
            Assert.Contains("政务服务月度报告 2007年3月", pdf.Info.Title, StringComparison.Ordinal);
        using (var printed = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            var text = string.Concat(printed.GetPages().SelectMany(p => p.Letters).Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal);
            Assert.Contains("政务服务月度报告·2007年3月", text, StringComparison.Ordinal);
            Assert.Contains("收件量Casesreceived213", text, StringComparison.Ordinal); // this month, last month, the year so far
            Assert.Contains("按时办结率Concludedontime0.0%100.0%50.0%", text, StringComparison.Ordinal);
            Assert.Contains("统计测试事项" + busy[^4..] + "210.0%—", text, StringComparison.Ordinal);
            Assert.DoesNotContain(busy, text, StringComparison.Ordinal); // items by name, not by code
        }

        var report = await MakeAsync(app, DemoDepartments.Qinghe, "2007-03");
        ReportLine Line(string code) => report.Figures.Single(f => f.Indicator.Code == code);
        Assert.Equal((2m, 1m, 3m), (Line("received").ThisMonth, Line("received").LastMonth, Line("received").YearToDate));
        Assert.Equal((0m, 100m, 50m), (Line("on-time-rate").ThisMonth, Line("on-time-rate").LastMonth, Line("on-time-rate").YearToDate));
        Assert.Equal(((decimal?)null, 100m), (Line("good-rate").ThisMonth, Line("good-rate").LastMonth)); // none rated in March: a dash, not 0
        var item = Assert.Single(report.Items);
        Assert.Equal((busy, 2L, 1L, 0m), (item.Code, item.Received, item.Concluded, item.OnTimeRate));
        Assert.Equal("—", MonthlyReportPdf.Show(Line("good-rate").ThisMonth, Line("good-rate").Indicator.Unit));
        Assert.Equal("50.0%", MonthlyReportPdf.Show(Line("on-time-rate").YearToDate, Line("on-time-rate").Indicator.Unit));

        var page = WebUtility.HtmlDecode(await head.GetStringAsync("/statistics/department"));
        Assert.Contains("action=\"/statistics/report.pdf\"", page, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Another_department_is_not_found_and_bad_months_are_refused_never_a_server_error(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var head = await app.DepartmentHeadAsync(DemoDepartments.Qinghe);
        using (var other = await head.GetAsync($"/statistics/report.pdf?month=2007-03&department={DemoDepartments.Yinzhou}"))
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        var supervisor = await app.SupervisorAsync();
        using (var none = await supervisor.GetAsync("/statistics/report.pdf?month=2007-03"))
            Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode); // a region-wide reader names the department
        using (var named = await supervisor.GetAsync($"/statistics/report.pdf?month=2007-03&department={DemoDepartments.Yinzhou}"))
            Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        var future = DateTime.UtcNow.AddMonths(2).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var month in new[] { future, "1999-12", "2007-13", "2007-3-1" })
        {
            using var refused = await head.GetAsync($"/statistics/report.pdf?month={month}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("statistics.month", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        foreach (var input in Fuzz.Strings("2007-03", mutations: 12, seed: 11))
        {
            var query = $"/statistics/report.pdf?month={Uri.EscapeDataString(input)}&department={Uri.EscapeDataString(input)}";
            using var response = await supervisor.GetAsync(query);
            await Fuzz.AssertHandledAsync(response, query, HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        }
    }

    private static async Task<MonthlyReport> MakeAsync(TongbanApp app, string department, string month)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var head = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, Policies.Leader), new Claim(StaffClaims.Department, department)], "test"));
        return await scope.ServiceProvider.GetRequiredService<MonthlyReports>().MakeAsync(null, month, head, CancellationToken.None);
    }
}
