using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>
/// The citizen's way in, in a real browser: from a guide to the form through the citizen sign-in and back; the header's
/// menu at 360 px; and my cases paged through when there are more than fit one page.
/// </summary>
public sealed class CitizenJourneyTests(Browser browser)
{
    private const string ResidencePermit = "11211200061012195B00070501100001"; // 居住证申领: online, with a form, L2
    private const string Citizen = "211221196805129013"; // 张建国, L2

    [Fact]
    public async Task An_anonymous_visitor_follows_apply_online_from_the_guide_signs_in_and_is_back_at_the_form()
    {
        var page = await browser.OpenAsync($"/items/{ResidencePermit}");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "在线办理", Exact = true }).ClickAsync();
        await Browser.ArrivedAsync(page, new Regex(@"/account/sign-in\?ReturnUrl=")); // the citizens' sign-in, not the staff one
        await page.Locator("#Login").FillAsync(Citizen);
        await page.Locator("#Password").FillAsync("Tongban-Demo-2026");
        await page.Locator("form:has(#Login)").GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Browser.ArrivedAsync(page, $"/apply/{ResidencePermit}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "居住证申领", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("居住地址 *")).ToBeVisibleAsync(); // the form itself: his level (L2) is enough
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task At_360_pixels_the_header_is_one_menu_that_opens_to_my_space_by_keyboard()
    {
        var page = await browser.OpenAsync("/account/sign-in", width: 360);
        await SignInAsync(page);
        await page.GotoAsync(browser.BaseUrl + "/halls");
        var menu = page.Locator("#menu-button");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#my-cases-link")).ToBeHiddenAsync();
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        Assert.True(header!.Height < 140, $"the closed header is {header.Height}px high");

        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "我的空间" }).GetByRole(AriaRole.Link, new() { Name = "我的办件" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#messages-link")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the open menu is {overflow}px wider than the screen");
        await Browser.AssertAccessibleAsync(page);
        await page.Locator("#my-cases-link").ClickAsync();
        await Browser.ArrivedAsync(page, "/my/cases");

        var wide = await browser.OpenAsync("/account/sign-in");
        await SignInAsync(wide);
        await wide.GotoAsync(browser.BaseUrl + "/halls");
        await Assertions.Expect(wide.Locator("#menu-button")).ToBeHiddenAsync(); // a row of links on a wide screen
        await Assertions.Expect(wide.Locator("#my-cases-link")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_citizen_with_more_cases_than_a_page_reaches_the_older_ones_with_next_page()
    {
        var page = await browser.OpenAsync("/account/sign-in");
        await SignInAsync(page);
        var numbers = (await GivenCases.GiveAsync(browser, page, ResidencePermit, 60, seed: 11)).Select(c => c.Number).ToList();

        await page.GotoAsync(browser.BaseUrl + "/my/cases");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = numbers[0], Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = numbers[^1], Exact = true })).ToHaveCountAsync(0);
        // The person may hold other tests' cases too (the assembly shares one host): follow "next page" to the end.
        for (var pages = 1; await page.Locator("#next-page").CountAsync() > 0; pages++)
        {
            Assert.True(pages < numbers.Count, "the next-page link never ends");
            var before = page.Url;
            await page.Locator("#next-page").ClickAsync();
            await page.WaitForURLAsync(url => url != before && url.Contains("after=", StringComparison.Ordinal));
            await page.WaitForLoadStateAsync(LoadState.Load);
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = numbers[^1], Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#next-page")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page);
    }

    internal static async Task SignInAsync(IPage page)
    {
        await page.Locator("#Login").FillAsync(Citizen);
        await page.Locator("#Password").FillAsync("Tongban-Demo-2026");
        await page.Locator("form:has(#Login)").GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Browser.ArrivedAsync(page, Browser.LeftSignIn);
    }
}
