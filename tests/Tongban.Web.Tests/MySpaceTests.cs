using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Tongban.Kernel.Security;

namespace Tongban.Web.Tests;

/// <summary>The header's menu: sign-in for a visitor (back to the same page), "my space" for a signed-in person on every page and on the account page.</summary>
public sealed class MySpaceTests(LaneApps apps)
{
    private static readonly string[] MySpace = ["/my/cases", "/my/cases#drafts", "/my/messages", "/my/appointments", "/account/my-data-reads", "/account"];

    [Theory, DatabaseLanes]
    public async Task A_visitor_gets_one_menu_whose_sign_in_link_returns_to_the_page(DatabaseLane lane)
    {
        var client = (await apps.For(lane)).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/halls"));
        Assert.Contains("<details class=\"site-menu\" id=\"site-menu\">", page, StringComparison.Ordinal);
        Assert.Contains("<summary id=\"menu-button\">菜单</summary>", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/sign-in?ReturnUrl=%2Fhalls\" id=\"sign-in-link\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-label=\"我的空间\"", page, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_signed_in_citizen_reaches_my_space_from_the_header_of_every_page_and_from_the_account_page(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (_, _, citizen) = await app.RegisterCitizenAsync("我的空间");
        foreach (var path in new[] { "/", "/halls/city-centre", "/my/cases" })
        {
            var page = WebUtility.HtmlDecode(await citizen.GetStringAsync(path));
            var nav = page[page.IndexOf("aria-label=\"我的空间\"", StringComparison.Ordinal)..page.IndexOf("</nav>", page.IndexOf("aria-label=\"我的空间\"", StringComparison.Ordinal), StringComparison.Ordinal)];
            Assert.All(MySpace, href => Assert.Contains($"href=\"{href}\"", nav, StringComparison.Ordinal));
            Assert.DoesNotContain("href=\"/admin\"", nav, StringComparison.Ordinal); // a citizen has no administration area
            Assert.DoesNotContain("id=\"sign-in-link\"", page, StringComparison.Ordinal);
        }
        var account = WebUtility.HtmlDecode(await citizen.GetStringAsync("/account"));
        var list = account[account.IndexOf("id=\"my-space-list\"", StringComparison.Ordinal)..];
        Assert.All(MySpace.Where(h => h != "/account"), href => Assert.Contains($"href=\"{href}\"", list[..list.IndexOf("</ul>", StringComparison.Ordinal)], StringComparison.Ordinal));

        var clerk = await app.SignInAsync("窗口", Policies.WindowClerk);
        Assert.Contains("href=\"/admin\"", await clerk.GetStringAsync("/"), StringComparison.Ordinal);
    }
}
