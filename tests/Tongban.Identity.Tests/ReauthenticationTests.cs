using System.Net;
using System.Text.RegularExpressions;

namespace Tongban.Identity.Tests;

/// <summary>
/// Issue #16 item 11 (ASVS 6.2.3, 7.5.1, 7.4.3, 6.3.7): changing the password, the mobile number or the e-mail address needs
/// the person to have proved who they are within the last few minutes; a password change ends the other sessions and is
/// told by SMS; a new number must receive a code first.
/// </summary>
public sealed class ReauthenticationTests(LaneApps lanes)
{
    private const string NewPassword = "Lantern-Quarry-77";

    [Theory, DatabaseLanes]
    public async Task An_hour_after_signing_in_the_password_phone_and_e_mail_change_only_after_the_password_is_given_again(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, phone, citizen) = await app.RegisterAsync("再认证");
        var elsewhere = app.Browser();
        using (await elsewhere.PasswordSignInAsync(id, People.Password)) { }
        await app.AuthenticatedAgoAsync(id, TimeSpan.FromHours(1));

        using (var password = await citizen.PostFormAsync("/account/security", "/account/security?handler=Password", ("CurrentPassword", People.Password), ("NewPassword", NewPassword)))
            Assert.Equal("/account/confirm?ReturnUrl=%2Faccount%2Fsecurity", password.Headers.Location?.OriginalString);
        using (var email = await citizen.PostFormAsync("/account", "/account?handler=Email", ("Email", TestMail.NewAddress())))
            Assert.Equal("/account/confirm?ReturnUrl=%2Faccount", email.Headers.Location?.OriginalString);
        var newPhone = People.NewPhone();
        using (var mobile = await citizen.PostFormAsync("/account/phone", "/account/phone?handler=SendCode", ("Phone", newPhone)))
            Assert.Equal("/account/confirm?ReturnUrl=%2Faccount%2Fphone", mobile.Headers.Location?.OriginalString);
        Assert.Empty(await app.TextsToAsync(newPhone));
        Assert.DoesNotContain("@example.cn", People.Text(await citizen.GetStringAsync("/account")), StringComparison.Ordinal);

        using (var wrong = await citizen.PostFormAsync("/account/confirm", "/account/confirm", ("Password", "not-my-password"), ("ReturnUrl", "/account/security")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
            Assert.Contains("账号或密码不正确", People.Text(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        using (var confirmed = await citizen.PostFormAsync("/account/confirm", "/account/confirm", ("Password", People.Password), ("ReturnUrl", "/account/security")))
            Assert.Equal("/account/security", confirmed.Headers.Location?.OriginalString);
        using (var changed = await citizen.PostFormAsync("/account/security", "/account/security?handler=Password", ("CurrentPassword", People.Password), ("NewPassword", NewPassword)))
            Assert.Contains("密码已修改", People.Text(await changed.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The other browser is signed out, the person is told, and the new password is the one that works.
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync("/account")).StatusCode);
        Assert.Contains(await app.TextsToAsync(phone), t => t.Contains("密码已修改", StringComparison.Ordinal));
        using (var signIn = await app.Browser().PasswordSignInAsync(id, NewPassword)) Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(1, await app.AuditCountAsync("identity.reauthenticated", id));
        Assert.Equal(1, await app.AuditCountAsync("identity.password_changed", id));
    }

    [Theory, DatabaseLanes]
    public async Task The_mobile_number_changes_only_with_the_code_sent_to_the_new_number_which_serves_no_other_number(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, oldPhone, citizen) = await app.RegisterAsync("换号");
        var (_, takenPhone, _) = await app.RegisterAsync("他人");
        var (newPhone, otherPhone) = (People.NewPhone(), People.NewPhone());

        using (var taken = await citizen.PostFormAsync("/account/phone", "/account/phone?handler=SendCode", ("Phone", takenPhone)))
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        using (var sent = await citizen.PostFormAsync("/account/phone", "/account/phone?handler=SendCode", ("Phone", newPhone)))
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var code = Regex.Match(Assert.Single(await app.TextsToAsync(newPhone)), "\\d{6}").Value;

        using (var elsewhere = await citizen.PostFormAsync("/account/phone", "/account/phone?handler=Change", ("Phone", otherPhone), ("Code", code)))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, elsewhere.StatusCode);
        using (var changed = await citizen.PostFormAsync("/account/phone", "/account/phone?handler=Change", ("Phone", newPhone), ("Code", code)))
            Assert.Contains("手机号码已更换", People.Text(await changed.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // SMS sign-in now goes to the new number; the old one is no account's.
        var browser = app.Browser();
        using (await browser.PostFormAsync("/account/sign-in", "/account/sign-in?handler=SendCode", ("Phone", newPhone))) { }
        using (await browser.PostFormAsync("/account/sign-in", "/account/sign-in?handler=SendCode", ("Phone", oldPhone))) { }
        var signInCode = Regex.Match((await app.TextsToAsync(newPhone)).Last(t => t.Contains("登录验证码", StringComparison.Ordinal)), "\\d{6}").Value;
        using (var signedIn = await browser.PostFormAsync("/account/sign-in", "/account/sign-in?handler=Code", ("Phone", newPhone), ("Code", signInCode)))
            Assert.Equal("/account", signedIn.Headers.Location?.OriginalString);
        Assert.DoesNotContain(await app.TextsToAsync(oldPhone), t => t.Contains("登录验证码", StringComparison.Ordinal));
        Assert.Equal(1, await app.AuditCountAsync("identity.phone_changed", id));
    }
}
