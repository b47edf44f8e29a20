using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>
/// A life event applied for online in a real browser: 张建国 follows "在线办理" from 个体食杂店开业 (three items with
/// forms) to the bundle's page, where the premises shared by the three items is asked once.
/// </summary>
public sealed class BundleJourneyTests(Browser browser)
{
    [Fact]
    public async Task A_citizen_opens_the_bundle_from_its_life_event_page_and_is_asked_each_field_once()
    {
        var citizen = await browser.OpenAsync("/account/sign-in");
        await citizen.Locator("#Login").FillAsync("211221196805129013");
        await citizen.Locator("#Password").FillAsync("Tongban-Demo-2026");
        await citizen.Locator("form:has(#Login)").GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Browser.ArrivedAsync(citizen, Browser.LeftSignIn);

        await citizen.GotoAsync(browser.BaseUrl + "/life-events/LE-GTKY");
        await citizen.GetByRole(AriaRole.Link, new() { Name = "在线办理" }).ClickAsync();
        await Browser.ArrivedAsync(citizen, "/apply/bundle/LE-GTKY");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "个体食杂店开业", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(citizen.GetByLabel("经营场所 *", new() { Exact = true })).ToHaveCountAsync(1);
        await Assertions.Expect(citizen.Locator("#material-business_licence")).ToHaveCountAsync(1);
        await Browser.AssertAccessibleAsync(citizen);
        await Browser.AssertReadableAsync(citizen);

        await citizen.GetByLabel("经营场所 *", new() { Exact = true }).FillAsync("银州区柴河街1号");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(citizen.Locator(".error-summary")).ToContainTextAsync("个体工商户名称");
        await Assertions.Expect(citizen.GetByLabel("经营场所 *", new() { Exact = true })).ToHaveValueAsync("银州区柴河街1号"); // typed values survive a refusal
        await Browser.AssertAccessibleAsync(citizen);
        await Browser.AssertReadableAsync(citizen);
    }
}
