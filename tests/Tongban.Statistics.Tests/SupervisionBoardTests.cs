using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;
using Tongban.Kernel.Web;

namespace Tongban.Statistics.Tests;

/// <summary>
/// The efficiency supervisor's board (/admin/supervision, applications module) joins this month's overdue figures from the
/// roll-ups through kernel <see cref="IOverdueFigures"/>: per department by name, the overdue ones opening their cases.
/// </summary>
public sealed partial class SupervisionBoardTests(LaneApps lanes)
{
    /// <summary>铁岭市科学技术局: no other test of these projects places cases in it.</summary>
    private const string Science = "11211200088626824C";

    [Theory, DatabaseLanes]
    public async Task The_board_shows_each_department_s_overdue_and_on_time_rate_this_month_by_name(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var today = app.Services.GetRequiredService<RegionClock>().Today;
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var before = await FigureAsync(app, monthStart, today);
        var item = FactTests.NewItem();
        var (onTime, late) = (CaseEvents.New(item, Science), CaseEvents.New(item, Science));
        await app.DeliverAsync(onTime.Submitted(monthStart), onTime.Accepted(monthStart, today), onTime.Concluded(today),
            late.Submitted(monthStart), late.Accepted(monthStart, monthStart), late.Concluded(today));

        var after = await FigureAsync(app, monthStart, today);
        var lateNow = today > monthStart ? 1 : 0; // on the 1st, due and concluded the same day is on time
        Assert.Equal((before.Concluded + 2, before.WithPromisedDate + 2, before.Overdue + lateNow), (after.Concluded, after.WithPromisedDate, after.Overdue));

        var supervisor = await app.SupervisorAsync();
        var chinese = WebUtility.HtmlDecode(await supervisor.GetStringAsync("/admin/supervision"));
        var table = Table().Match(chinese).Value;
        Assert.Contains("铁岭市科学技术局", table, StringComparison.Ordinal);
        Assert.Contains("本月办结与超期（统计汇总）", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain(Science, Tags().Replace(chinese, " "), StringComparison.Ordinal); // names, never credit codes
        if (after.OnTimeRate is { } rate) Assert.Contains($"{rate:0.0}\u00a0%", table, StringComparison.Ordinal);
        if (lateNow == 1)
        {
            var link = $"/statistics/cases?indicator=overdue&from={monthStart:yyyy-MM-dd}&to={today:yyyy-MM-dd}&department={Science}";
            Assert.Contains(link, table, StringComparison.Ordinal);
            Assert.Contains(late.Number, await supervisor.GetStringAsync(link), StringComparison.Ordinal);
        }
        using (await supervisor.GetAsync("/preferences/language?value=en&returnUrl=%2Fadmin%2Fsupervision")) { }
        var english = WebUtility.HtmlDecode(await supervisor.GetStringAsync("/admin/supervision"));
        Assert.Contains("Tieling Science and Technology Bureau", Table().Match(english).Value, StringComparison.Ordinal);
        Assert.Contains("Concluded and overdue this month", english, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Only_a_supervisor_sees_the_board_and_bad_filters_are_never_a_server_error(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var head = await app.DepartmentHeadAsync(Science);
        var clerk = await app.SignInAsync("督查板窗口", new StaffScope(Science, null, []), Policies.WindowClerk);
        foreach (var outsider in new[] { head, clerk })
        {
            using var page = await outsider.GetAsync("/admin/supervision");
            Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)page.StatusCode}");
            Assert.DoesNotContain("month-figures-table", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var supervisor = await app.SupervisorAsync();
        foreach (var input in Fuzz.Strings(Science, mutations: 10))
        {
            var address = "/admin/supervision?Department=" + Uri.EscapeDataString(input);
            using var response = await supervisor.GetAsync(address);
            await Fuzz.AssertHandledAsync(response, address, HttpStatusCode.OK, HttpStatusCode.BadRequest);
        }
    }

    private static async Task<DepartmentOverdueFigure> FigureAsync(TongbanApp app, DateOnly from, DateOnly to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<IOverdueFigures>().ByDepartmentAsync(from, to, CancellationToken.None);
        return rows.SingleOrDefault(r => r.DepartmentCode == Science) ?? new DepartmentOverdueFigure(Science, 0, 0, 0, 0, null);
    }

    [GeneratedRegex("<table class=\"table\" id=\"month-figures-table\">.*?</table>", RegexOptions.Singleline)]
    private static partial Regex Table();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
