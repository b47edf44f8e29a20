using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Features.RemindDeferred;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>The applications lanes with an SMS gateway that fails for the numbers a test names, and outbox retries due at once.</summary>
public sealed class NotificationApps : ApplicationsApps
{
    /// <summary>Numbers the gateway refuses once each (shared by both lanes' apps; each lane has its own development sender).</summary>
    internal HashSet<string> FailOnce { get; } = [];

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        var development = services.Last(d => d.ServiceType == typeof(ISmsSender));
        services.Remove(development);
        services.AddSingleton<ISmsSender>(sp => new FlakySms((ISmsSender)development.ImplementationFactory!(sp), FailOnce));
        services.Configure<OutboxOptions>(o => o.FirstRetryDelay = TimeSpan.Zero);
    }
}

/// <summary>Fails once for each number in <paramref name="failOnce"/>, then passes to the development sender.</summary>
internal sealed class FlakySms(ISmsSender inner, HashSet<string> failOnce) : ISmsSender
{
    public Task SendAsync(string phoneNumber, string message, CancellationToken cancellationToken)
    {
        lock (failOnce)
            if (failOnce.Remove(phoneNumber)) throw new HttpRequestException($"gateway refused {phoneNumber}");
        return inner.SendAsync(phoneNumber, message, cancellationToken);
    }
}

/// <summary>Notices to applicants: in-app, SMS and e-mail from templates, the delivery log, retries, deferred-material reminders.</summary>
public sealed class NotificationTests(NotificationApps apps) : IClassFixture<NotificationApps>
{
    private static readonly StaffScope Department = new(TestCatalog.Department, null, []);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [DatabaseLanes]
    public async Task An_accepted_case_gives_an_in_app_message_an_sms_and_a_delivery_log_without_the_phone_number(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (_, phone, citizen) = await app.RegisterCitizenAsync("通知甲");
        using var invalid = await citizen.PostFormAsync("/account", "/account?handler=Email", ("Email", "not-an-address"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var email = TestMail.NewAddress();
        await citizen.SetConfirmedEmailAsync(app, email);
        var number = await citizen.ApplyAsync();
        var clerk = await app.SignInAsync("窗口通知甲", Department, Policies.WindowClerk);
        (await clerk.ActAsync(number, "accept")).EnsureSuccessStatusCode();
        await app.DrainOutboxAsync();

        var inbox = await (await citizen.GetAsync("/api/notifications/messages", Ct)).JsonAsync();
        var mine = inbox.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("caseNumber").GetString() == number).ToList();
        Assert.Equal(["accepted", "submitted"], mine.Select(m => m.GetProperty("event").GetString()).Order());
        Assert.StartsWith($"办件{number}（测试事项（即办））已受理，承诺", mine.Single(m => m.GetProperty("event").GetString() == "accepted").GetProperty("chinese").GetString());
        Assert.Equal(2, inbox.GetProperty("unread").GetInt32());
        var page = await citizen.GetStringAsync("/my/messages", Ct);
        Assert.Contains("已受理", page);
        Assert.Contains("消息（2条未读）", page); // the header link

        var sms = await app.Browser().GetStringAsync("/dev/sms", Ct);
        Assert.Contains(phone, sms);
        Assert.Contains($"办件{number}", sms);

        var admin = await app.SignInAsync("系统管理员通知甲", Policies.SystemAdministrator);
        var log = await (await admin.GetAsync($"/api/notifications/deliveries?caseNumber={number}", Ct)).Content.ReadAsStringAsync(Ct);
        var rows = JsonDocument.Parse(log).RootElement.EnumerateArray().Where(r => r.GetProperty("event").GetString() == "accepted")
            .ToDictionary(r => r.GetProperty("channel").GetString()!, r => (r.GetProperty("status").GetString(), r.GetProperty("recipient").GetString()));
        Assert.Equal(("Sent", $"{phone[..3]}****{phone[^4..]}"), rows["sms"]);
        Assert.Equal("Sent", rows["in-app"].Item1);
        Assert.Equal(("Sent", $"n***@example.cn"), rows["email"]);
        Assert.DoesNotContain(phone, log);
        Assert.DoesNotContain(email, log);
        var mail = await app.Browser().GetStringAsync("/dev/mail", Ct);
        Assert.Contains(email, mail);
        Assert.Contains($"办件{number}（测试事项（即办））已受理", mail);
        Assert.Contains(number, await admin.GetStringAsync("/admin/notifications/deliveries", Ct));
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_edited_template_changes_the_text_and_an_unknown_placeholder_is_refused(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("系统管理员通知乙", Policies.SystemAdministrator);
        var refused = await admin.PutAsJsonAsync("/api/notifications/templates/decided/email", new { chinese = "办件{number}：{oops}", english = "Case {number}" }, Ct);
        Assert.Equal("template.placeholder_unknown", await refused.ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        const string page = "/admin/notifications/templates?Event=decided&Channel=sms";
        using var inline = await admin.PostFormAsync(page, page, ("Event", "decided"), ("Channel", "sms"), ("Chinese", "{numbr}已决定"), ("English", "Decided"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, inline.StatusCode);
        Assert.Contains("{numbr}", await inline.Content.ReadAsStringAsync(Ct));
        Assert.Contains("field-error", await inline.Content.ReadAsStringAsync(Ct));

        using var saved = await admin.PostFormAsync("/admin/notifications/templates?Event=refused&Channel=in-app", "/admin/notifications/templates",
            ("Event", "refused"), ("Channel", "in-app"), ("Chinese", "很抱歉，{item}（{number}）未能受理"), ("English", "Sorry, {item} ({number}) was not accepted"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, _, citizen) = await app.RegisterCitizenAsync("通知乙");
        var number = await citizen.ApplyAsync();
        var clerk = await app.SignInAsync("窗口通知乙", Department, Policies.WindowClerk);
        (await clerk.ActAsync(number, "refuse", new { reason = "不属于受理范围", legalNotice = "可申请行政复议" })).EnsureSuccessStatusCode();
        await app.DrainOutboxAsync();
        var inbox = await (await citizen.GetAsync("/api/notifications/messages", Ct)).JsonAsync();
        Assert.Contains(inbox.GetProperty("messages").EnumerateArray(), m => m.GetProperty("chinese").GetString() == $"很抱歉，测试事项（即办）（{number}）未能受理");
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_failing_channel_is_logged_as_failed_and_retried_without_sending_the_others_again(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (_, phone, citizen) = await app.RegisterCitizenAsync("通知丙");
        lock (apps.FailOnce) apps.FailOnce.Add(phone);
        var number = await citizen.ApplyAsync();
        await app.DrainOutboxAsync(); // the SMS fails and the message goes back to the outbox, due at once in this fixture

        var admin = await app.SignInAsync("系统管理员通知丙", Policies.SystemAdministrator);
        var first = await SmsDeliveryAsync(admin, number);
        Assert.Equal(("Failed", 1), (first.GetProperty("status").GetString(), first.GetProperty("attempts").GetInt32()));
        Assert.Contains("HttpRequestException", first.GetProperty("reason").GetString());
        var email = (await (await admin.GetAsync($"/api/notifications/deliveries?caseNumber={number}", Ct)).JsonAsync()).EnumerateArray().Single(r => r.GetProperty("channel").GetString() == "email");
        Assert.Equal("Skipped", email.GetProperty("status").GetString()); // this citizen gave no e-mail address
        Assert.DoesNotContain(phone, first.GetProperty("reason").GetString());

        await app.DrainOutboxAsync();
        var second = await SmsDeliveryAsync(admin, number);
        Assert.Equal(("Sent", 2), (second.GetProperty("status").GetString(), second.GetProperty("attempts").GetInt32()));
        var inbox = await (await citizen.GetAsync("/api/notifications/messages", Ct)).JsonAsync();
        Assert.Single(inbox.GetProperty("messages").EnumerateArray(), m => m.GetProperty("caseNumber").GetString() == number);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_deferred_material_reminder_and_its_overdue_notice_each_go_once(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (_, _, citizen) = await app.RegisterCitizenAsync("通知丁");
        var number = await citizen.ApplyAsync();
        var clerk = await app.SignInAsync("窗口通知丁", Department, Policies.WindowClerk);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        (await clerk.ActAsync(number, "accept-deferred", new { materials = new[] { "photo" }, promisedBy = today.AddDays(1) })).EnsureSuccessStatusCode();

        await RemindAsync(app, today);
        await RemindAsync(app, today);
        await RemindAsync(app, today.AddDays(30));
        await RemindAsync(app, today.AddDays(31));
        Assert.Equal([ApplicantNoticeKinds.AcceptedWithDeferred, ApplicantNoticeKinds.DeferredReminder, ApplicantNoticeKinds.DeferredOverdue], await KindsAsync(app, number));

        await app.DrainOutboxAsync();
        var inbox = await (await citizen.GetAsync("/api/notifications/messages", Ct)).JsonAsync();
        Assert.Contains(inbox.GetProperty("messages").EnumerateArray(), m => m.GetProperty("chinese").GetString()!.Contains("容缺材料“照片”请于", StringComparison.Ordinal));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_case_whose_deferred_materials_all_arrived_is_no_longer_read_nor_reminded(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (_, _, citizen) = await app.RegisterCitizenAsync("通知庚");
        var number = await citizen.ApplyAsync();
        var clerk = await app.SignInAsync("窗口通知庚", Department, Policies.WindowClerk);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        (await clerk.ActAsync(number, "accept-deferred", new { materials = new[] { "photo" }, promisedBy = today.AddDays(1) })).EnsureSuccessStatusCode();
        Assert.Contains(number, await AwaitingDeferredAsync(app));

        (await citizen.UploadToCaseAsync(number, "photo", Files.Png, "照片.png")).EnsureSuccessStatusCode();
        Assert.DoesNotContain(number, await AwaitingDeferredAsync(app)); // the job's index no longer holds it
        await RemindAsync(app, today);
        await RemindAsync(app, today.AddDays(30));
        Assert.Equal([ApplicantNoticeKinds.AcceptedWithDeferred], await KindsAsync(app, number));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Another_citizen_neither_sees_nor_marks_my_messages(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (_, _, me) = await app.RegisterCitizenAsync("通知戊");
        var (_, _, other) = await app.RegisterCitizenAsync("通知己");
        var number = await me.ApplyAsync();
        await app.DrainOutboxAsync();
        var id = (await (await me.GetAsync("/api/notifications/messages", Ct)).JsonAsync()).GetProperty("messages")[0].GetProperty("id").GetGuid();

        var theirs = await (await other.GetAsync("/api/notifications/messages", Ct)).JsonAsync();
        Assert.Equal(0, theirs.GetProperty("messages").GetArrayLength());
        Assert.DoesNotContain(number, await other.GetStringAsync("/my/messages", Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/notifications/messages/{id}/read", null, Ct)).StatusCode);
        (await me.PostAsync($"/api/notifications/messages/{id}/read", null, Ct)).EnsureSuccessStatusCode();
        Assert.Equal(0, (await (await me.GetAsync("/api/notifications/messages", Ct)).JsonAsync()).GetProperty("unread").GetInt32());
    }

    private static async Task<JsonElement> SmsDeliveryAsync(HttpClient admin, string number)
    {
        var log = await (await admin.GetAsync($"/api/notifications/deliveries?caseNumber={number}", Ct)).JsonAsync();
        return log.EnumerateArray().Single(r => r.GetProperty("channel").GetString() == "sms");
    }

    /// <summary>The cases the reminder job reads: those whose stored flag says a deferred material is still awaited.</summary>
    private static async Task<List<string>> AwaitingDeferredAsync(TongbanApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>().Cases.AsNoTracking().Where(c => c.AwaitingDeferred).Select(c => c.Number).ToListAsync(Ct);
    }

    private static async Task RemindAsync(TongbanApp app, DateOnly today)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RemindDeferred>().RunAsync(today, Ct);
    }

    private static async Task<List<string>> KindsAsync(TongbanApp app, string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        var payloads = await db.OutboxMessages.AsNoTracking().Where(m => m.Type == CaseChangedForApplicant.MessageType).OrderBy(m => m.OccurredAt).ThenBy(m => m.Id)
            .Select(m => m.Payload).ToListAsync(Ct);
        return [.. payloads.Select(p => JsonSerializer.Deserialize<CaseChangedForApplicant>(p, JsonSerializerOptions.Web)!)
            .Where(e => e.CaseNumber == number && e.Kind != ApplicantNoticeKinds.Submitted).Select(e => e.Kind)];
    }
}
