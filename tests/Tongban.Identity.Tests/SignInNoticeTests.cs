using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;

namespace Tongban.Identity.Tests;

/// <summary>
/// ASVS 6.3.5 and issue #16 item 11: a sign-in from a browser the account never used, or from a network none of its last
/// ten sign-ins came from, is told to the person by SMS; a familiar one is not, nor is an account's first sign-in.
/// </summary>
public sealed class SignInNoticeTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task A_sign_in_from_a_browser_the_account_never_used_is_told_by_SMS_and_one_from_a_known_browser_is_not(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, phone, citizen) = await app.RegisterAsync("提醒");
        using (await citizen.PasswordSignInAsync(id, People.Password)) { }
        Assert.Empty(Notices(await app.TextsToAsync(phone)));

        using (await app.Browser().PasswordSignInAsync(id, People.Password)) { }
        var notice = Assert.Single(Notices(await app.TextsToAsync(phone)));
        Assert.Contains("新设备", notice, StringComparison.Ordinal);
        Assert.DoesNotContain(id, notice, StringComparison.Ordinal);
        Assert.Equal(3, await app.AuditCountAsync("identity.signed_in", id));
    }

    [Theory, DatabaseLanes]
    public async Task A_sign_in_from_a_known_browser_on_a_network_none_of_the_last_ten_sign_ins_came_from_is_told(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var cookies = new System.Net.CookieContainer();
        HttpClient From(string address) => new(new CookieContainerHandler(cookies)
            { InnerHandler = app.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(address)) }) { BaseAddress = app.Server.BaseAddress };
        var (id, phone) = (People.NewIdNumber(), People.NewPhone());
        using (var registered = await From("203.0.113.5").PostFormAsync("/account/register", "/account/register",
            ("Input.IdNumber", id), ("Input.Name", "出差"), ("Input.Phone", phone), ("Input.Password", People.Password)))
            Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);

        using (await From("203.0.113.77").PasswordSignInAsync(id, People.Password)) { }
        Assert.Empty(Notices(await app.TextsToAsync(phone)));
        using (await From("198.51.100.9").PasswordSignInAsync(id, People.Password)) { }
        var notice = Assert.Single(Notices(await app.TextsToAsync(phone)));
        Assert.Contains("新网络（198.51.100.0/24）", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("新设备", notice, StringComparison.Ordinal);
    }

    private static List<string> Notices(IEnumerable<string> texts) => [.. texts.Where(t => t.Contains("如非本人操作", StringComparison.Ordinal) && t.Contains("登录", StringComparison.Ordinal))];
}
