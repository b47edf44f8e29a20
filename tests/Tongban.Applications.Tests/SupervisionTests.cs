using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Data;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>督办 over HTTP and pages: overdue cases per department, orders issued by supervisors, answered once by the department, flagged when late.</summary>
public sealed class SupervisionTests(ApplicationsApps apps)
{
    [Theory]
    [DatabaseLanes]
    public async Task The_board_shows_each_departments_open_rectifications_and_those_past_due_by_name(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        const string department = "112112000436062482"; // no other test rates this department's windows
        var today = app.Services.GetRequiredService<Kernel.Time.RegionClock>().Today;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
            var calendar = await scope.ServiceProvider.GetRequiredService<Kernel.Calendar.CalendarStore>().GetAsync(TestContext.Current.CancellationToken);
            foreach (var ratedOn in new[] { today.AddDays(-30), today.AddDays(-40), today })
                db.Ratings.Add(Domain.Rating.OnSiteOf(new Kernel.Ratings.WindowRated(Guid.NewGuid(), "某大厅 01号窗口", "a hall, window 01", "211200000000", department, 1, ["attitude"], null,
                    DateTimeOffset.UtcNow), null, ratedOn, calendar, 5));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var supervisor = await app.SignInAsync("整改督查员", new StaffScope("112112000037803132", null, []), Policies.EfficiencySupervisor);
        var page = WebUtility.HtmlDecode(await supervisor.GetStringAsync("/admin/supervision"));
        var row = System.Text.RegularExpressions.Regex.Match(page, $"<tr data-department=\"{department}\">(.*?)</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches("<th scope=\"row\">[^<0-9]+</th>", row); // by name, not by code
        Assert.Contains("<td>3</td>", row, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status status-closed\">2</span>", row, StringComparison.Ordinal); // rated 30 and 40 days ago: past due; today's is not
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_supervisor_sees_an_overdue_case_under_its_department_issues_an_order_and_the_department_answers_it_once(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var number = await citizen.Client.ApplyAsync();
        var clerk = await app.SignInAsync("督办窗口", RatingHttpTests.Department, Policies.WindowClerk);
        (await clerk.ActAsync(number, "accept")).EnsureSuccessStatusCode();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Accepted six weeks ago: its five working days are long gone.
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
            var @case = await db.Cases.SingleAsync(c => c.Number == number, TestContext.Current.CancellationToken);
            var accepted = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-42);
            db.Entry(@case).Property(c => c.AcceptedOn).CurrentValue = accepted;
            db.Entry(@case).Property(c => c.DueOn).CurrentValue = accepted.AddDays(7);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        // The supervisor sits in the business-environment bureau and oversees every department's cases.
        var supervisor = await app.SignInAsync("督查员", new StaffScope("112112000037803132", null, []), Policies.EfficiencySupervisor);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/applications/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/admin/cases/{number}")).StatusCode);
        var overview = await (await supervisor.GetAsync($"/api/applications/supervision?department={TestCatalog.Department}")).JsonAsync();
        Assert.Contains(overview.GetProperty("departments").EnumerateArray(), d => d.GetProperty("department").GetString() == TestCatalog.Department && d.GetProperty("overdue").GetInt32() >= 1);
        Assert.Contains(overview.GetProperty("cases").EnumerateArray(), c => c.GetProperty("number").GetString() == number && c.GetProperty("level").GetString() == "Overdue");
        // The page names the department, never its credit code, and dates the limit in words people read.
        var page = WebUtility.HtmlDecode(await supervisor.GetStringAsync($"/admin/supervision?Department={TestCatalog.Department}"));
        Assert.Contains(">铁岭市发展和改革委员会</a></td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain($">{TestCatalog.Department}<", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/applications/supervision")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/applications/supervision/orders", new { caseNumber = number, requirement = "x", answerBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3) })).StatusCode);

        Assert.Equal("supervision.answer_by", await (await supervisor.PostAsJsonAsync("/api/applications/supervision/orders", new { caseNumber = number, requirement = "请说明超期原因", answerBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1) })).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        using var issued = await supervisor.PostAsJsonAsync("/api/applications/supervision/orders", new { caseNumber = number, requirement = "请说明超期原因并限期办结", answerBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3) });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var id = (await issued.JsonAsync()).GetProperty("id").GetGuid();

        var outsider = await app.SignInAsync("别部门", new StaffScope("112112000436062482", null, []), Policies.WindowClerk);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/applications/supervision/orders/{id}/answer", new { answer = "x" })).StatusCode);
        var mine = await (await clerk.GetAsync($"/api/applications/supervision/orders?caseNumber={number}")).JsonAsync();
        Assert.False(Assert.Single(mine.EnumerateArray()).GetProperty("overdue").GetBoolean());
        (await clerk.PostAsJsonAsync($"/api/applications/supervision/orders/{id}/answer", new { answer = "专家评审延误，已于本周办结" })).EnsureSuccessStatusCode();
        Assert.Equal("supervision.already_answered", await (await clerk.PostAsJsonAsync($"/api/applications/supervision/orders/{id}/answer", new { answer = "再答" })).ProblemCodeAsync(HttpStatusCode.Conflict));

        await using var audit = app.Services.CreateAsyncScope();
        var payloads = await audit.ServiceProvider.GetRequiredService<ApplicationsDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type == "kernel.audit" && m.Payload.Contains(number)).Select(m => m.Payload).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(payloads, p => p.Contains("applications.supervision_issued", StringComparison.Ordinal));
        Assert.Contains(payloads, p => p.Contains("applications.supervision_answered", StringComparison.Ordinal));
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_unanswered_order_past_its_date_is_flagged_on_the_department_page_which_answers_it(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var number = await citizen.Client.ApplyAsync();
        var supervisor = await app.SignInAsync("督查页面", Policies.EfficiencySupervisor);
        using var issued = await supervisor.PostFormAsync("/admin/supervision", "/admin/supervision",
            ("CaseNumber", number), ("Requirement", "请尽快受理"), ("AnswerBy", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2).ToString("yyyy-MM-dd")));
        Assert.Equal(HttpStatusCode.Redirect, issued.StatusCode);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
            var order = await db.SupervisionOrders.SingleAsync(o => o.CaseNumber == number, TestContext.Current.CancellationToken);
            db.Entry(order).Property(o => o.AnswerBy).CurrentValue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var clerk = await app.SignInAsync("督办答复", RatingHttpTests.Department, Policies.WindowClerk);
        const string page = "/admin/supervision/orders";
        var html = WebUtility.HtmlDecode(await clerk.GetStringAsync(page));
        Assert.Contains("请尽快受理", html, StringComparison.Ordinal);
        Assert.Contains("逾期未答复", html, StringComparison.Ordinal);
        var id = System.Text.RegularExpressions.Regex.Match(html, "id=\"answer-([0-9a-f-]{36})\"").Groups[1].Value;
        using var answered = await clerk.PostFormAsync(page, $"{page}?id={id}", ("Answer", "已受理"));
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var after = WebUtility.HtmlDecode(await clerk.GetStringAsync(page));
        Assert.Contains("已受理", after, StringComparison.Ordinal);
        Assert.DoesNotContain("逾期未答复", after, StringComparison.Ordinal);
    }
}
