using System.Net;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Statistics.Tests;

/// <summary>GET /api/statistics/{indicator}: figures sliced as asked, bad input named (400), other departments not found for a department head.</summary>
public sealed class ApiTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task Figures_by_department_channel_month_and_day_are_the_events_counted(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = new DateOnly(2019, 3, 4);
        var item = FactTests.NewItem();
        CaseEvents[] cases = [CaseEvents.New(item, DemoDepartments.Yinzhou), CaseEvents.New(item, DemoDepartments.Yinzhou, "window"),
            CaseEvents.New(item, DemoDepartments.Yinzhou), CaseEvents.New(item, DemoDepartments.Qinghe, "station")];
        foreach (var c in cases) await app.DeliverAsync(c.Submitted(day), c.Accepted(day, day.AddDays(3)));
        await app.DeliverAsync(cases[0].Concluded(day.AddDays(2)), cases[1].Concluded(day.AddDays(9)), cases[3].Concluded(day.AddDays(3)));
        await app.DeliverAsync(cases[0].Rated(day.AddDays(3), 5), cases[1].Rated(day.AddDays(10), 1));
        var leader = await app.LeaderAsync();
        const string March = "from=2019-03-01&to=2019-03-31";

        Assert.Equal(new Dictionary<string, decimal?> { [DemoDepartments.Yinzhou] = 3, [DemoDepartments.Qinghe] = 1 }, (await leader.FiguresAsync($"received?by=department&{March}")).Values());
        Assert.Equal(new Dictionary<string, decimal?> { ["online"] = 2, ["window"] = 1, ["station"] = 1 }, (await leader.FiguresAsync($"received?by=channel&{March}")).Values());
        var onTime = await leader.FiguresAsync($"on-time-rate?by=department&{March}");
        Assert.Equal(new Dictionary<string, decimal?> { [DemoDepartments.Yinzhou] = 50.0m, [DemoDepartments.Qinghe] = 100.0m }, onTime.Values());
        Assert.Equal(66.7m, onTime.GetProperty("total").GetProperty("value").GetDecimal());
        var overdue = (await leader.FiguresAsync($"overdue?by=day&{March}")).Values(); // a row for each day with any figure
        Assert.Equal(["2019-03-04", "2019-03-06", "2019-03-07", "2019-03-13", "2019-03-14"], overdue.Keys);
        Assert.Equal([("2019-03-13", (decimal?)1)], overdue.Where(d => d.Value != 0).Select(d => (d.Key, d.Value)));
        Assert.Equal(new Dictionary<string, decimal?> { ["2019-03"] = 50.0m }, (await leader.FiguresAsync($"good-rate?by=month&{March}")).Values());
        Assert.Equal(3, (await leader.FiguresAsync($"received?by=item&{March}&department={DemoDepartments.Yinzhou}")).Values()[item]);
        var days = await leader.FiguresAsync($"average-days?by=month&{March}");
        Assert.Equal("workingdays", days.GetProperty("unit").GetString());
        Assert.Equal(4.0m, days.GetProperty("total").GetProperty("value").GetDecimal()); // (2 + 7 + 3) working days after Monday the 4th ÷ 3
    }

    [Theory, DatabaseLanes]
    public async Task Bad_input_is_refused_with_400_naming_the_parameter(DatabaseLane lane)
    {
        var leader = await (await lanes.For(lane)).LeaderAsync();
        foreach (var (query, field) in new[]
        {
            ("received?from=2024-05-01&to=2024-04-01", "to"), ("no-such-indicator", "indicator"), ("received?by=week", "by"),
            ("received?department=000000000000000000", "department"), ("received?from=2024-13-01", "from"), ("received?to=yesterday", "to"),
            ("received?from=1899-01-01", "from"), ("received?to=2999-01-01", "to"),
        })
        {
            using var response = await leader.GetAsync("/api/statistics/" + query);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {body}");
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray();
            Assert.Contains(errors, e => e.GetProperty("field").GetString() == field && e.GetProperty("zh").GetString()!.Length > 0 && e.GetProperty("en").GetString()!.Length > 0);
        }
    }

    [Theory, DatabaseLanes]
    public async Task Hostile_query_parameters_get_an_answer_or_a_400_never_a_server_error(DatabaseLane lane)
    {
        var leader = await (await lanes.For(lane)).LeaderAsync();
        var seed = lane == DatabaseLane.Sqlite ? 17 : 31;
        foreach (var input in Fuzz.Strings("2024-05-01", mutations: 20, seed: seed))
        {
            var value = Uri.EscapeDataString(input);
            foreach (var query in new[] { $"received?from={value}", $"on-time-rate?to={value}", $"received?by={value}", $"good-rate?department={value}",
                $"received?division={value}", $"received?level={value}" })
            {
                using var response = await leader.GetAsync("/api/statistics/" + query);
                await Fuzz.AssertHandledAsync(response, query, HttpStatusCode.OK, HttpStatusCode.BadRequest);
            }
        }
        foreach (var input in Fuzz.Strings("on-time-rate", mutations: 20, seed: seed).Where(s => s.Length > 0 && !s.Contains('\0', StringComparison.Ordinal)))
        {
            using var response = await leader.GetAsync("/api/statistics/" + Uri.EscapeDataString(input));
            await Fuzz.AssertHandledAsync(response, input, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        }
    }

    [Theory, DatabaseLanes]
    public async Task A_department_head_sees_only_their_department_and_others_see_nothing(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var day = new DateOnly(2018, 6, 4);
        var item = FactTests.NewItem();
        var (own, other) = (CaseEvents.New(item, DemoDepartments.County), CaseEvents.New(item, DemoDepartments.Qinghe));
        await app.DeliverAsync(own.Submitted(day), other.Submitted(day), other.Submitted(day.AddDays(1)));
        var head = await app.DepartmentHeadAsync(DemoDepartments.County);
        const string June = "from=2018-06-01&to=2018-06-30";

        Assert.Equal(new Dictionary<string, decimal?> { [DemoDepartments.County] = 1 }, (await head.FiguresAsync($"received?by=department&{June}")).Values());
        Assert.Equal(DemoDepartments.County, (await head.FiguresAsync($"received?{June}")).GetProperty("department").GetString());
        using (var another = await head.GetAsync($"/api/statistics/received?{June}&department={DemoDepartments.Qinghe}"))
            Assert.Equal(HttpStatusCode.NotFound, another.StatusCode);
        using (var cases = await head.GetAsync($"/statistics/cases?indicator=received&{June}&department={DemoDepartments.Qinghe}"))
            Assert.Equal(HttpStatusCode.NotFound, cases.StatusCode);
        using (var csv = await head.GetAsync($"/statistics/export.csv?indicator=received&{June}&department={DemoDepartments.Qinghe}"))
            Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);

        var clerk = await app.SignInAsync("窗口人员", new StaffScope(DemoDepartments.County, null, []), Policies.WindowClerk);
        var (_, _, citizen) = await app.RegisterCitizenAsync("统计市民");
        foreach (var outsider in new[] { clerk, citizen })
        {
            using var api = await outsider.GetAsync($"/api/statistics/received?{June}");
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            using var page = await outsider.GetAsync("/statistics");
            Assert.True(page.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)page.StatusCode}");
            Assert.DoesNotContain("领导驾驶舱", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var anonymous = await app.Browser().GetAsync($"/api/statistics/received?{June}");
        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{(int)anonymous.StatusCode}");
    }
}
