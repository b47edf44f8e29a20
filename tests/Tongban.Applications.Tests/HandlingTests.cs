using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>Handling over HTTP: pre-review, correction, 容缺, multi-level sign-off, refusals as 409 naming the rule, conclusion and its event.</summary>
public sealed class HandlingTests(ApplicationsApps apps)
{
    private static readonly StaffScope Department = new(TestCatalog.Department, null, []);

    [Theory]
    [DatabaseLanes]
    public async Task The_whole_loop_from_correction_through_deferred_acceptance_and_sign_off_to_conclusion(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var clerk = await app.SignInAsync("窗口甲", Department, Policies.WindowClerk);
        var (reviewer, leader, approver) = (await app.SignInAsync("审查乙", Department, Policies.Reviewer),
            await app.SignInAsync("领导丙", Department, Policies.Leader), await app.SignInAsync("审批丁", Department, Policies.Approver));
        var number = await citizen.Client.ApplyAsync(TestCatalog.Steps, new { form = TestCatalog.ValidForm, materials = new Dictionary<string, string> { ["id-card"] = "file:id" } });

        // Looked up by its number: the shared database holds other tests' older cases, which come first in the queue's order.
        var found = Assert.Single((await (await clerk.GetAsync($"/api/applications/cases?number={number}")).JsonAsync()).GetProperty("rows").EnumerateArray());
        Assert.Equal("window-clerk", found.GetProperty("queue").GetString());

        (await clerk.ActAsync(number, "request-correction", new { corrections = new[] { new { target = "id-card", note = "复印件不清晰" }, new { target = "purpose", note = "请写明用途" } } })).EnsureSuccessStatusCode();
        var expected = (await (await citizen.Client.GetAsync($"/api/applications/my/cases/{number}")).JsonAsync()).GetProperty("expected");
        Assert.Equal(2, expected.GetProperty("corrections").GetArrayLength());
        Assert.Equal("case.correction_material_missing", await (await citizen.Client.PostAsJsonAsync($"/api/applications/my/cases/{number}/resubmit", new { form = new { purpose = "办理营业执照" } })).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        (await citizen.Client.UploadToCaseAsync(number, "id-card", Files.Pdf)).EnsureSuccessStatusCode();
        (await citizen.Client.PostAsJsonAsync($"/api/applications/my/cases/{number}/resubmit", new { form = new { purpose = "办理营业执照" } })).EnsureSuccessStatusCode();

        Assert.Equal("case.deferred_not_tolerable", await (await clerk.ActAsync(number, "accept-deferred", new { materials = new[] { "id-card" }, promisedBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10) })).ProblemCodeAsync(HttpStatusCode.Conflict));
        (await clerk.ActAsync(number, "accept-deferred", new { materials = new[] { "photo" }, promisedBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10) })).EnsureSuccessStatusCode();
        Assert.Equal("case.accept_requires_submitted", await (await clerk.ActAsync(number, "accept")).ProblemCodeAsync(HttpStatusCode.Conflict));

        Assert.Equal("case.step_role", await (await leader.ActAsync(number, "complete-step", new { opinion = "同意" })).ProblemCodeAsync(HttpStatusCode.Forbidden));
        (await reviewer.ActAsync(number, "complete-step", new { opinion = "材料齐全" })).EnsureSuccessStatusCode();
        (await leader.ActAsync(number, "complete-step", new { opinion = "同意" })).EnsureSuccessStatusCode();
        (await approver.ActAsync(number, "stop-clock", new { kind = "ExpertReview", reason = "需专家评审" })).EnsureSuccessStatusCode();
        Assert.Equal("case.clock_stopped", await (await approver.ActAsync(number, "decide", new { outcome = "Approved", opinion = "准予" })).ProblemCodeAsync(HttpStatusCode.Conflict));
        (await approver.ActAsync(number, "restart-clock")).EnsureSuccessStatusCode();
        (await approver.ActAsync(number, "decide", new { outcome = "Approved", opinion = "准予许可" })).EnsureSuccessStatusCode();

        Assert.Equal("case.deferred_outstanding", await (await clerk.ActAsync(number, "conclude", new { delivery = "Mail", trackingNumber = "SF100" })).ProblemCodeAsync(HttpStatusCode.Conflict));
        (await citizen.Client.UploadToCaseAsync(number, "photo", Files.Png, "photo.png")).EnsureSuccessStatusCode();
        var concluded = await (await clerk.ActAsync(number, "conclude", new { delivery = "Mail", trackingNumber = "SF100" })).JsonAsync();
        Assert.Equal(("Concluded", "Approved", "SF100"), (concluded.GetProperty("status").GetString(), concluded.GetProperty("outcome").GetString(), concluded.GetProperty("trackingNumber").GetString()));
        Assert.Equal(["submitted", "correction_requested", "resubmitted", "accepted_with_deferred", "step:review", "step:sign-off", "clock_stopped:ExpertReview", "clock_restarted", "approved", "deferred_supplied", "concluded"],
            concluded.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        Assert.Equal("case.accept_requires_submitted", await (await clerk.ActAsync(number, "accept")).ProblemCodeAsync(HttpStatusCode.Conflict)); // accepting a concluded case

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.Type == CaseConcluded.MessageType).Select(m => m.Payload).ToListAsync(TestContext.Current.CancellationToken);
        var @event = messages.Select(p => JsonSerializer.Deserialize<CaseConcluded>(p, JsonSerializerOptions.Web)!).Single(e => e.CaseNumber == number);
        Assert.Equal((citizen.AccountId, true, TestCatalog.Steps), (@event.ApplicantAccountId, @event.Approved, @event.ItemCode));
        Assert.True(await db.OutboxMessages.AnyAsync(m => m.Type == "kernel.audit" && m.Payload.Contains(number), TestContext.Current.CancellationToken));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_refusal_closes_the_case_with_its_reason_and_legal_notice(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var clerk = await app.SignInAsync("窗口戊", Department, Policies.WindowClerk);
        var number = await citizen.Client.ApplyAsync();
        Assert.Equal("case.reason_required", await (await clerk.ActAsync(number, "refuse", new { legalNotice = "可复议" })).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        (await clerk.ActAsync(number, "refuse", new { reason = "不属于受理范围", legalNotice = "如不服，可在六十日内申请行政复议" })).EnsureSuccessStatusCode();
        var mine = await (await citizen.Client.GetAsync($"/api/applications/my/cases/{number}")).JsonAsync();
        Assert.Equal(("Refused", "如不服，可在六十日内申请行政复议"), (mine.GetProperty("status").GetString(), mine.GetProperty("legalNotice").GetString()));
        var approver = await app.SignInAsync("审批己", Department, Policies.Approver);
        Assert.Equal("case.decide_requires_in_process", await (await approver.ActAsync(number, "decide", new { outcome = "Approved", opinion = "x" })).ProblemCodeAsync(HttpStatusCode.Conflict));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Staff_of_another_department_do_not_see_the_case(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var number = await citizen.Client.ApplyAsync();
        var outsider = await app.SignInAsync("别的部门", new StaffScope("112112000436062482", null, []), Policies.WindowClerk);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/applications/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.ActAsync(number, "accept")).StatusCode);
        Assert.Empty((await (await outsider.GetAsync($"/api/applications/cases?number={number}")).JsonAsync()).GetProperty("rows").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.Client.GetAsync($"/api/applications/cases/{number}")).StatusCode);
    }
}
