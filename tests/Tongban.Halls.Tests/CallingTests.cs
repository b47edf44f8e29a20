using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Halls.Tests;

/// <summary>叫号: next of the window's categories, recall, skip, transfer; only the window's own department; a window serving nothing.</summary>
public sealed class CallingTests(ClassLaneApps lanes) : IClassFixture<ClassLaneApps>
{
    [Theory, DatabaseLanes]
    public async Task A_window_calls_the_oldest_waiting_ticket_of_its_categories_and_the_page_offers_the_walk_in(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var visitor = app.Browser();
        var social = await visitor.TakeAsync(DemoHalls.Yinzhou, "C");
        var business = await visitor.TakeAsync(DemoHalls.Yinzhou, "B");
        var clerk = await app.ClerkAsync(DemoHalls.YinzhouDepartment);
        Assert.Equal(social.Number, await clerk.CallAsync(DemoHalls.Yinzhou, "03")); // 03 serves C only, though B waits too
        var called = (await visitor.TicketAsync(DemoHalls.Yinzhou, social.Number))!;
        Assert.Equal(("Called", "03"), (called.Status, called.Window));
        Assert.Equal("Waiting", (await visitor.TicketAsync(DemoHalls.Yinzhou, business.Number))!.Status);
        var page = WebUtility.HtmlDecode(await clerk.GetStringAsync($"/halls/{DemoHalls.Yinzhou}/counter/03"));
        Assert.Contains($"id=\"current-number\">{social.Number}<", page, StringComparison.Ordinal);
        var start = $"/admin/cases/walk-in?hall={DemoHalls.Yinzhou}&window=03&ticket={social.Number}";
        Assert.Contains($"href=\"{start}\"", page, StringComparison.Ordinal);
        var walkIn = await clerk.GetStringAsync(start);
        Assert.Contains("name=\"Input.Window\" value=\"03\"", walkIn, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.Ticket\" value=\"{social.Number}\"", walkIn, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Recall_skip_finish_and_transfer_move_the_ticket_as_the_clerk_says(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var visitor = app.Browser();
        var clerk = await app.ClerkAsync(DemoHalls.CountyDepartment);
        const string Hall = DemoHalls.County;
        while (await clerk.CallAsync(Hall, "02") is not null) { } // 02 serves B: empty its queue first
        var a = await visitor.TakeAsync(Hall, "B");
        var b = await visitor.TakeAsync(Hall, "B");
        Assert.Equal(a.Number, await clerk.CallAsync(Hall, "02"));
        using (var recall = await clerk.ActAsync(Hall, "02", "recall")) Assert.Equal(HttpStatusCode.NoContent, recall.StatusCode);
        using (var moved = await clerk.ActAsync(Hall, "02", "transfer", new { toCategory = "C" })) Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);
        Assert.Equal("Waiting", (await visitor.TicketAsync(Hall, a.Number))!.Status);
        Assert.Equal(b.Number, await clerk.CallAsync(Hall, "02")); // a now waits for C
        using (var skipped = await clerk.ActAsync(Hall, "02", "skip")) Assert.Equal(HttpStatusCode.NoContent, skipped.StatusCode);
        Assert.Equal("Skipped", (await visitor.TicketAsync(Hall, b.Number))!.Status);
        while (await clerk.CallAsync(Hall, "03") is { } n && n != a.Number) { } // 03 serves C: a comes up in its first place
        Assert.Equal(("Called", "03"), ((await visitor.TicketAsync(Hall, a.Number))!.Status, (await visitor.TicketAsync(Hall, a.Number))!.Window));
        using (var toWindow = await clerk.ActAsync(Hall, "03", "transfer", new { toWindow = "05" })) Assert.Equal(HttpStatusCode.NoContent, toWindow.StatusCode);
        Assert.Equal(a.Number, await clerk.CallAsync(Hall, "05")); // 05 serves E, but a was sent to it
        using (var finished = await clerk.ActAsync(Hall, "05", "finish")) Assert.Equal(HttpStatusCode.NoContent, finished.StatusCode);
        Assert.Equal("Served", (await visitor.TicketAsync(Hall, a.Number))!.Status);
        using var nothing = await clerk.ActAsync(Hall, "05", "recall");
        Assert.Equal(HttpStatusCode.Conflict, nothing.StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task A_clerk_of_another_department_cannot_call_and_the_ticket_keeps_waiting(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var ticket = await app.Browser().TakeAsync(DemoHalls.Diaobingshan, "A");
        var stranger = await app.ClerkAsync(DemoHalls.KaiyuanDepartment);
        using var refused = await stranger.PostAsync($"/api/halls/{DemoHalls.Diaobingshan}/windows/01/call", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("不能在此窗口叫号", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var page = await stranger.GetAsync($"/halls/{DemoHalls.Diaobingshan}/counter/01");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        var citizen = app.Browser();
        using var anonymous = await citizen.PostAsync($"/api/halls/{DemoHalls.Diaobingshan}/windows/01/call", null);
        Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, anonymous.StatusCode.ToString());
        var notClerk = await app.SignInAsync("审查人员", new StaffScope(DemoHalls.DiaobingshanDepartment, null, []), Policies.Reviewer);
        using var reviewer = await notClerk.PostAsync($"/api/halls/{DemoHalls.Diaobingshan}/windows/01/call", null);
        Assert.Equal(HttpStatusCode.Forbidden, reviewer.StatusCode);
        Assert.Equal("Waiting", (await citizen.TicketAsync(DemoHalls.Diaobingshan, ticket.Number))!.Status);
    }

    [Theory, DatabaseLanes]
    public async Task Calling_at_a_window_that_serves_no_category_is_refused_in_both_languages_and_changes_nothing(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);
        using var departments = JsonDocument.Parse(await admin.GetStringAsync("/api/organization/departments"));
        var department = departments.RootElement.EnumerateArray().First(d => d.GetProperty("creditCode").GetString() == DemoHalls.KaiyuanDepartment).GetProperty("id").GetGuid();
        var window = $"9{(lane == DatabaseLane.Sqlite ? 1 : 2)}";
        using (var opened = await admin.PostAsJsonAsync($"/api/organization/halls/{DemoHalls.Kaiyuan}/windows", new { number = window, departmentId = department, name = "咨询窗口" }))
            Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        var ticket = await app.Browser().TakeAsync(DemoHalls.Kaiyuan, "A");
        var clerk = await app.ClerkAsync(DemoHalls.KaiyuanDepartment);
        using var refused = await clerk.PostAsync($"/api/halls/{DemoHalls.Kaiyuan}/windows/{window}/call", null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("尚未设置办理的业务类别", problem, StringComparison.Ordinal);
        using var page = await clerk.PostFormAsync($"/halls/{DemoHalls.Kaiyuan}/counter/{window}", $"/halls/{DemoHalls.Kaiyuan}/counter/{window}?handler=Call");
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("尚未设置办理的业务类别", html, StringComparison.Ordinal);
        Assert.Equal("Waiting", (await app.Browser().TicketAsync(DemoHalls.Kaiyuan, ticket.Number))!.Status);
        using var status = JsonDocument.Parse(await app.Browser().GetStringAsync($"/api/halls/{DemoHalls.Kaiyuan}/status"));
        Assert.Equal(0, status.RootElement.GetProperty("openWindows").GetInt32()); // the refused call opened no window
    }
}
