using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Data;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>好差评 over HTTP: once per concluded case, a bad rating's rectification answered by the department, one appeal decided by a supervisor.</summary>
public sealed class RatingHttpTests(ApplicationsApps apps)
{
    internal static readonly StaffScope Department = new(TestCatalog.Department, null, []);

    private static readonly object VeryBad = new { level = "VeryDissatisfied", indicators = new[] { "efficiency", "attitude" }, comment = "等了很久" };

    [Theory]
    [DatabaseLanes]
    public async Task A_concluded_case_is_rated_once_and_a_bad_rating_is_rectified_called_back_reported_and_appealed_once(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (citizen, other) = (await app.CitizenAsync(), await app.CitizenAsync());
        var number = await citizen.Client.ApplyAsync();
        var rate = $"/api/applications/my/cases/{number}/rating";
        Assert.Equal("rating.requires_conclusion", await (await citizen.Client.PostAsJsonAsync(rate, VeryBad)).ProblemCodeAsync(HttpStatusCode.Conflict));
        await ConcludeAsync(app, number);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync(rate, VeryBad)).StatusCode); // another person's case
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.GetAsync(rate)).StatusCode); // not rated yet
        Assert.Equal("rating.indicator_unknown", await (await citizen.Client.PostAsJsonAsync(rate, new { level = "Satisfied", indicators = new[] { "speed" } })).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        using var rated = await citizen.Client.PostAsJsonAsync(rate, VeryBad);
        Assert.Equal(HttpStatusCode.Created, rated.StatusCode);
        var rating = await rated.JsonAsync();
        Assert.Equal(("Open", true), (rating.GetProperty("rectification").GetString(), rating.GetProperty("bad").GetBoolean()));
        Assert.Equal("rating.already_rated", await (await citizen.Client.PostAsJsonAsync(rate, new { level = "VerySatisfied", indicators = new[] { "once" } })).ProblemCodeAsync(HttpStatusCode.Conflict));

        var id = rating.GetProperty("id").GetGuid();
        var staff = await app.SignInAsync("整改科员", Department, Policies.Reviewer);
        var due = await (await staff.GetAsync("/api/applications/ratings?rectifications=true")).JsonAsync();
        Assert.Contains(due.EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        var outsider = await app.SignInAsync("别的部门员", new StaffScope("112112000436062482", null, []), Policies.Reviewer);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/applications/ratings/{id}/call-back", new { outcome = "x" })).StatusCode);

        Assert.Equal("rating.callback_required", await (await staff.PostAsJsonAsync($"/api/applications/ratings/{id}/report", new { report = "已整改" })).ProblemCodeAsync(HttpStatusCode.Conflict));
        (await staff.PostAsJsonAsync($"/api/applications/ratings/{id}/call-back", new { outcome = "已电话回访致歉" })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/applications/ratings/{id}/report", new { report = "增设窗口，缩短等候" })).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync($"{rate}/appeal", new { reason = "x" })).StatusCode);
        (await citizen.Client.PostAsJsonAsync($"{rate}/appeal", new { reason = "问题依旧" })).EnsureSuccessStatusCode();
        Assert.Equal("rating.already_appealed", await (await citizen.Client.PostAsJsonAsync($"{rate}/appeal", new { reason = "再次申诉" })).ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Equal("rating.supervisor_only", await (await staff.PostAsJsonAsync($"/api/applications/ratings/{id}/decide-appeal", new { upheld = true, opinion = "成立" })).ProblemCodeAsync(HttpStatusCode.Forbidden));
        var supervisor = await app.SignInAsync("效能督查", Policies.EfficiencySupervisor);
        var decided = await (await supervisor.PostAsJsonAsync($"/api/applications/ratings/{id}/decide-appeal", new { upheld = true, opinion = "申诉成立，重新整改" })).JsonAsync();
        Assert.Equal(("Open", true), (decided.GetProperty("rectification").GetString(), decided.GetProperty("appealUpheld").GetBoolean()));

        var mine = await (await citizen.Client.GetAsync(rate)).JsonAsync();
        Assert.Equal((1, "增设窗口，缩短等候"), (mine.GetProperty("callBacks").GetArrayLength(), mine.GetProperty("report").GetString()));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        var audited = await db.OutboxMessages.AsNoTracking().Where(m => m.Type == "kernel.audit" && m.Payload.Contains(number)).Select(m => m.Payload).ToListAsync(TestContext.Current.CancellationToken);
        foreach (var action in new[] { "applications.rated", "applications.rectification_opened", "applications.rating_call_back", "applications.rating_report", "applications.rectification_appealed", "applications.rating_decide_appeal" })
            Assert.Contains(audited, p => p.Contains(action, StringComparison.Ordinal));

        // What the statistics count, published with each change: the report (on time, today being before its due date), the appeal, the decision reopening it.
        var published = await db.OutboxMessages.AsNoTracking().Where(m => m.Type.StartsWith("applications.rectification_") && m.Payload.Contains(number))
            .Select(m => new { m.Type, m.Payload }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["applications.rectification_appeal_decided", "applications.rectification_appealed", "applications.rectification_reported"], published.Select(m => m.Type).Order());
        Assert.Contains("\"onTime\":true", published.Single(m => m.Type.EndsWith("reported", StringComparison.Ordinal)).Payload, StringComparison.Ordinal);
        Assert.Contains("\"upheld\":true", published.Single(m => m.Type.EndsWith("decided", StringComparison.Ordinal)).Payload, StringComparison.Ordinal);

        // The backfill reads the rectification as it stands: reopened (due later, not reported), appealed, upheld.
        var facts = scope.ServiceProvider.GetRequiredService<Tongban.Applications.Contracts.ICaseFacts>();
        var row = (await facts.PageAsync(number[..^1], 50, TestContext.Current.CancellationToken)).Single(r => r.Number == number);
        Assert.Equal((true, (DateTimeOffset?)null, true, (bool?)true), (row.RectificationDueOn is not null, row.RectifiedAt, row.AppealedAt is not null, row.AppealUpheld));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_good_rating_opens_no_rectification_and_a_rejected_appeal_closes_one(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var good = await citizen.Client.ApplyAsync();
        await ConcludeAsync(app, good);
        var rated = await (await citizen.Client.PostAsJsonAsync($"/api/applications/my/cases/{good}/rating", new { level = "Fair", indicators = new[] { "guide" } })).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rated.GetProperty("rectification").ValueKind);

        var bad = await citizen.Client.ApplyAsync();
        await ConcludeAsync(app, bad);
        var id = (await (await citizen.Client.PostAsJsonAsync($"/api/applications/my/cases/{bad}/rating", new { level = "Dissatisfied", indicators = new[] { "once" } })).JsonAsync()).GetProperty("id").GetGuid();
        var staff = await app.SignInAsync("整改窗口", Department, Policies.WindowClerk);
        (await staff.PostAsJsonAsync($"/api/applications/ratings/{id}/call-back", new { outcome = "已回访" })).EnsureSuccessStatusCode();
        (await staff.PostAsJsonAsync($"/api/applications/ratings/{id}/report", new { report = "已说明须两次到场的原因" })).EnsureSuccessStatusCode();
        (await citizen.Client.PostAsJsonAsync($"/api/applications/my/cases/{bad}/rating/appeal", new { reason = "不认可" })).EnsureSuccessStatusCode();
        var supervisor = await app.SignInAsync("效能督查乙", Policies.EfficiencySupervisor);
        var closed = await (await supervisor.PostAsJsonAsync($"/api/applications/ratings/{id}/decide-appeal", new { upheld = false, opinion = "整改到位" })).JsonAsync();
        Assert.Equal("Closed", closed.GetProperty("rectification").GetString());
        Assert.Equal("rating.no_appeal", await (await supervisor.PostAsJsonAsync($"/api/applications/ratings/{id}/decide-appeal", new { upheld = true, opinion = "x" })).ProblemCodeAsync(HttpStatusCode.Conflict));
    }

    /// <summary>Accepts, approves and concludes (electronic delivery) a case of the simple item.</summary>
    internal static async Task ConcludeAsync(TongbanApp app, string number)
    {
        var clerk = await app.SignInAsync("窗口办结", Department, Policies.WindowClerk);
        var approver = await app.SignInAsync("审批办结", Department, Policies.Approver);
        (await clerk.ActAsync(number, "accept")).EnsureSuccessStatusCode();
        (await approver.ActAsync(number, "decide", new { outcome = "Approved", opinion = "准予" })).EnsureSuccessStatusCode();
        (await clerk.ActAsync(number, "conclude", new { delivery = "Electronic" })).EnsureSuccessStatusCode();
    }
}
