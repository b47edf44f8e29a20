using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Statistics.Tests;

/// <summary>
/// The halls' figures under the statistics roof, read through the Halls module's contract (IHallFigures): tickets taken,
/// average waiting time, appointments kept, by hall or month; region-wide readers only; bad input named.
/// </summary>
public sealed class HallFigureTests(LaneApps lanes)
{
    private const string Hall = "kaiyuan", HallDepartment = "112112820602512233"; // window 03 serves category C only

    private static async Task<JsonElement?> RowAsync(HttpClient reader)
    {
        var answer = await reader.FiguresAsync("halls?by=hall");
        foreach (var row in answer.GetProperty("rows").EnumerateArray())
            if (row.GetProperty("key").GetString() == Hall) return row;
        return null;
    }

    private static long Count(JsonElement? row, string name) => row is { } r ? r.GetProperty(name).GetInt64() : 0;

    private static async Task<string?> CallAsync(HttpClient clerk)
    {
        using var response = await clerk.PostAsync($"/api/halls/{Hall}/windows/03/call", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("number").GetString();
    }

    [Theory, DatabaseLanes]
    public async Task A_ticket_taken_and_called_counts_under_its_hall_with_its_waiting_time(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clerk = await app.SignInAsync("统计大厅窗口人员", new StaffScope(HallDepartment, null, []), Policies.WindowClerk);
        while (await CallAsync(clerk) is not null) { } // nobody left waiting at window 03
        var supervisor = await app.SupervisorAsync();
        var before = await RowAsync(supervisor);

        using (var taken = await app.Browser().PostAsJsonAsync($"/api/halls/{Hall}/tickets", new { category = "C" }))
            Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        await Task.Delay(1100); // a waiting time of at least a second
        Assert.NotNull(await CallAsync(clerk));

        var after = await RowAsync(supervisor);
        Assert.Equal(Count(before, "tickets") + 1, Count(after, "tickets"));
        Assert.Equal(Count(before, "ticketsCalled") + 1, Count(after, "ticketsCalled"));
        Assert.True(Count(after, "waitingSeconds") >= Count(before, "waitingSeconds") + 1);
        Assert.Equal("开原市公共行政服务中心", after!.Value.GetProperty("labelZh").GetString());
        Assert.NotEqual(JsonValueKind.Null, after.Value.GetProperty("figures").GetProperty("hall-average-wait").ValueKind);
        Assert.Equal(Count(after, "tickets"), after.Value.GetProperty("figures").GetProperty("hall-tickets").GetDecimal());

        var answer = await supervisor.FiguresAsync("halls?by=month&hall=" + Hall);
        Assert.Equal(["hall-tickets", "hall-average-wait", "appointments-kept-rate"], answer.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        Assert.Equal("minutes", answer.GetProperty("indicators")[1].GetProperty("unit").GetString());
        Assert.Equal(Count(after, "tickets"), answer.GetProperty("total").GetProperty("tickets").GetInt64());
    }

    [Theory, DatabaseLanes]
    public async Task Bad_input_is_a_400_naming_it_and_department_heads_and_clerks_are_refused(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var leader = await app.LeaderAsync();
        foreach (var (query, field) in new[]
        {
            ("halls?by=department", "by"), ("halls?hall=nowhere", "hall"), ("halls?from=2024-02-30", "from"), ("halls?from=2024-05-01&to=2024-04-01", "to"),
        })
        {
            using var response = await leader.GetAsync("/api/statistics/" + query);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {body}");
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray();
            Assert.Contains(errors, e => e.GetProperty("field").GetString() == field && e.GetProperty("zh").GetString()!.Length > 0 && e.GetProperty("en").GetString()!.Length > 0);
        }
        var head = await app.DepartmentHeadAsync(HallDepartment);
        using (var api = await head.GetAsync("/api/statistics/halls"))
            Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        using (var csv = await head.GetAsync("/statistics/export-halls.csv"))
            Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        Assert.DoesNotContain("halls-month-table", await head.GetStringAsync("/statistics"), StringComparison.Ordinal);
        var clerk = await app.SignInAsync("统计大厅窗口人员", new StaffScope(HallDepartment, null, []), Policies.WindowClerk);
        using (var api = await clerk.GetAsync("/api/statistics/halls"))
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task The_dashboard_shows_the_halls_section_and_its_export(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        using (var taken = await app.Browser().PostAsJsonAsync($"/api/halls/{Hall}/tickets", new { category = "A" }))
            Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var leader = await app.LeaderAsync();
        var html = WebUtility.HtmlDecode(await leader.GetStringAsync("/statistics"));
        Assert.Contains("政务大厅：取号、等候与预约", html, StringComparison.Ordinal);
        Assert.Contains("id=\"halls-month-table\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"halls-hall-table\"", html, StringComparison.Ordinal);
        Assert.Contains("data-described-by=\"halls-month-table\"", html, StringComparison.Ordinal); // the tickets' chart, told by its table
        Assert.Contains("开原市公共行政服务中心", html, StringComparison.Ordinal);
        Assert.Contains("预约履约率", html, StringComparison.Ordinal);

        using var export = await leader.GetAsync("/statistics/export-halls.csv?by=hall");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var lines = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("分组 / Slice,Slice (English),取号量（张）/ Queue tickets taken (tickets)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("开原市公共行政服务中心,", StringComparison.Ordinal));
    }
}
