using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>The citizen's choice of channels, and e-mail only to a confirmed address; what is not sent is logged as skipped with why.</summary>
public sealed class NotificationChannelTests(NotificationApps apps) : IClassFixture<NotificationApps>
{
    private static readonly StaffScope Department = new(TestCatalog.Department, null, []);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [DatabaseLanes]
    public async Task An_unconfirmed_address_gets_no_case_email_until_it_is_confirmed(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (_, _, citizen) = await app.RegisterCitizenAsync("渠道甲");
        var email = TestMail.NewAddress();
        await citizen.SetEmailAsync(email);
        Assert.Contains("尚未确认", await citizen.GetStringAsync("/my/messages/channels", Ct));
        var number = await citizen.ApplyAsync();
        await app.DrainOutboxAsync();

        var admin = await app.SignInAsync("系统管理员渠道甲", Policies.SystemAdministrator);
        var submitted = await DeliveryAsync(admin, number, "submitted", "email");
        Assert.Equal(("Skipped", "address not confirmed / 地址未确认"), (submitted.GetProperty("status").GetString(), submitted.GetProperty("reason").GetString()));
        Assert.Equal("n***@example.cn", submitted.GetProperty("recipient").GetString());
        Assert.DoesNotContain(number, await app.Browser().GetStringAsync("/dev/mail", Ct));

        var token = await app.LatestConfirmationTokenAsync(email);
        (await citizen.ConfirmEmailAsync(token)).EnsureSuccessStatusCode();
        var clerk = await app.SignInAsync("窗口渠道甲", Department, Policies.WindowClerk);
        (await clerk.ActAsync(number, "accept")).EnsureSuccessStatusCode();
        await app.DrainOutboxAsync();
        Assert.Equal("Sent", (await DeliveryAsync(admin, number, "accepted", "email")).GetProperty("status").GetString());
        Assert.Contains($"办件{number}", await app.Browser().GetStringAsync("/dev/mail", Ct));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_citizen_who_turns_sms_off_gets_no_sms_but_the_in_app_message_and_the_log_says_why(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (_, phone, citizen) = await app.RegisterCitizenAsync("渠道乙");
        var page = await citizen.GetStringAsync("/my/messages/channels", Ct);
        Assert.Contains("id=\"sms\" name=\"Sms\" type=\"checkbox\" value=\"true\" checked", page);
        Assert.Contains($"{phone[..3]}****{phone[^4..]}", page);
        Assert.DoesNotContain(phone, page);
        using var saved = await citizen.PostFormAsync("/my/messages/channels", "/my/messages/channels", ("Email", "true")); // the SMS box unticked
        Assert.Contains("id=\"saved\"", await saved.Content.ReadAsStringAsync(Ct));
        var number = await citizen.ApplyAsync();
        await app.DrainOutboxAsync();

        var admin = await app.SignInAsync("系统管理员渠道乙", Policies.SystemAdministrator);
        var sms = await DeliveryAsync(admin, number, "submitted", "sms");
        Assert.Equal(("Skipped", "turned off by the applicant / 本人已关闭"), (sms.GetProperty("status").GetString(), sms.GetProperty("reason").GetString()));
        Assert.Equal("Sent", (await DeliveryAsync(admin, number, "submitted", "in-app")).GetProperty("status").GetString());
        Assert.DoesNotContain(number, await app.Browser().GetStringAsync("/dev/sms", Ct));
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_channels_api_gives_and_saves_only_my_choice(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (_, _, me) = await app.RegisterCitizenAsync("渠道丙");
        var (_, _, other) = await app.RegisterCitizenAsync("渠道丁");
        var defaults = await (await me.GetAsync("/api/notifications/channels", Ct)).JsonAsync();
        Assert.Equal((true, true, false, false), (defaults.GetProperty("sms").GetBoolean(), defaults.GetProperty("email").GetBoolean(),
            defaults.GetProperty("emailConfirmed").GetBoolean(), defaults.GetProperty("emailGoes").GetBoolean()));

        var saved = await (await me.PutAsJsonAsync("/api/notifications/channels", new { sms = false, email = false }, Ct)).JsonAsync();
        Assert.Equal((false, false), (saved.GetProperty("sms").GetBoolean(), saved.GetProperty("email").GetBoolean()));
        Assert.False((await (await me.GetAsync("/api/notifications/channels", Ct)).JsonAsync()).GetProperty("sms").GetBoolean());
        Assert.True((await (await other.GetAsync("/api/notifications/channels", Ct)).JsonAsync()).GetProperty("sms").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().GetAsync("/api/notifications/channels", Ct)).StatusCode);
    }

    private static async Task<JsonElement> DeliveryAsync(HttpClient admin, string number, string @event, string channel)
    {
        var log = await (await admin.GetAsync($"/api/notifications/deliveries?caseNumber={number}", Ct)).JsonAsync();
        return log.EnumerateArray().Single(r => r.GetProperty("event").GetString() == @event && r.GetProperty("channel").GetString() == channel);
    }
}
