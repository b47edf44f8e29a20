using System.Net;
using System.Text.RegularExpressions;

namespace Tongban.Identity.Tests;

public sealed class SignInTests(LaneApps lanes)
{
    private const string SameMessage = "账号或密码不正确";

    [Theory, DatabaseLanes]
    public async Task A_registered_citizen_signs_in_with_the_password_and_sees_the_masked_ID_number_at_level_1(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, _) = await app.RegisterAsync();
        var client = app.Browser();
        using var response = await client.PasswordSignInAsync(id, People.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.Headers.Location!.OriginalString);
        var page = People.Text(await client.GetStringAsync("/account"));
        Assert.Contains(id[..6] + "********" + id[^4..], page, StringComparison.Ordinal);
        Assert.DoesNotContain(id, page, StringComparison.Ordinal);
        Assert.Contains("L1", page, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_duplicate_ID_number_a_bad_check_character_and_a_common_password_are_refused_by_field(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, _) = await app.RegisterAsync();
        var client = app.Browser();

        using var duplicate = await client.PostFormAsync("/account/register", "/account/register",
            ("Input.IdNumber", id), ("Input.Name", "重复"), ("Input.Phone", People.NewPhone()), ("Input.Password", People.Password));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("该身份证号码已注册", People.Text(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var other = People.NewIdNumber();
        using var badCheck = await client.PostFormAsync("/account/register", "/account/register",
            ("Input.IdNumber", other[..17] + (other[17] == '0' ? '1' : '0')), ("Input.Name", "校验"), ("Input.Phone", People.NewPhone()), ("Input.Password", People.Password));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCheck.StatusCode);
        Assert.Contains("居民身份证号码校验位错误", People.Text(await badCheck.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var common = await client.PostFormAsync("/account/register", "/account/register",
            ("Input.IdNumber", People.NewIdNumber()), ("Input.Name", "常见"), ("Input.Phone", People.NewPhone()), ("Input.Password", "woaini1314"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, common.StatusCode);
        Assert.Contains("常见密码", People.Text(await common.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Ten_wrong_passwords_lock_the_account_with_the_same_message_as_an_unknown_account(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, _) = await app.RegisterAsync();
        var client = app.Browser();

        using var unknown = await client.PasswordSignInAsync(People.NewIdNumber(), People.Password);
        var unknownMessage = ErrorOf(await unknown.Content.ReadAsStringAsync());
        Assert.Contains(SameMessage, unknownMessage, StringComparison.Ordinal);

        for (var i = 0; i < 10; i++)
        {
            using var wrong = await client.PasswordSignInAsync(id, "Wrong-Password-" + i);
            Assert.Equal(unknownMessage, ErrorOf(await wrong.Content.ReadAsStringAsync()));
        }
        using var locked = await client.PasswordSignInAsync(id, People.Password);
        Assert.NotEqual(HttpStatusCode.Redirect, locked.StatusCode);
        Assert.Equal(unknownMessage, ErrorOf(await locked.Content.ReadAsStringAsync()));
    }

    [Theory, DatabaseLanes]
    public async Task A_citizen_signs_in_with_an_SMS_code_from_the_development_sender_and_the_code_cannot_be_replayed(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (_, phone, _) = await app.RegisterAsync();
        var client = app.Browser();
        using var sent = await client.PostFormAsync("/account/sign-in", "/account/sign-in?handler=SendCode", ("Phone", phone));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var code = await app.LatestCodeAsync(phone);

        using var signedIn = await client.PostFormAsync("/account/sign-in", "/account/sign-in?handler=Code", ("Phone", phone), ("Code", code));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var other = app.Browser();
        using var replay = await other.PostFormAsync("/account/sign-in", "/account/sign-in?handler=Code", ("Phone", phone), ("Code", code));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, replay.StatusCode);
        Assert.Contains("验证码不正确、已使用或已过期", People.Text(await replay.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_forgotten_password_is_reset_with_an_SMS_code_and_the_old_one_stops_working(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, phone, _) = await app.RegisterAsync();
        var client = app.Browser();
        using var sent = await client.PostFormAsync("/account/reset", "/account/reset?handler=SendCode", ("Phone", phone));
        var code = await app.LatestCodeAsync(phone);
        using var wrong = await client.PostFormAsync("/account/reset", "/account/reset?handler=Reset", ("Phone", phone), ("Code", code == "000000" ? "111111" : "000000"), ("NewPassword", "Lantern-Meadow-77"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        using var reset = await client.PostFormAsync("/account/reset", "/account/reset?handler=Reset", ("Phone", phone), ("Code", code), ("NewPassword", "Lantern-Meadow-77"));
        Assert.Contains("reset-done", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var old = await app.Browser().PasswordSignInAsync(id, People.Password);
        Assert.NotEqual(HttpStatusCode.Redirect, old.StatusCode);
        using var fresh = await app.Browser().PasswordSignInAsync(id, "Lantern-Meadow-77");
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task Signing_out_everywhere_ends_an_old_cookie_in_another_browser(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, first) = await app.RegisterAsync();
        var second = app.Browser();
        using (await second.PasswordSignInAsync(id, People.Password)) { }

        var sessions = People.Text(await second.GetStringAsync("/account/sessions"));
        Assert.Contains("共2个登录中的设备", sessions, StringComparison.Ordinal);

        using var everywhere = await second.PostFormAsync("/account/sessions", "/account/sessions?handler=Everywhere");
        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        using var old = await first.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Contains("sign-in", old.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static string ErrorOf(string html) =>
        People.Text(Regex.Match(html, "<div class=\"error-summary[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline).Groups[1].Value);
}
