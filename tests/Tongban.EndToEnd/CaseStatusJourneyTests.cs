using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>
/// What a citizen's case page says in a real browser: a concluded case its outcome and date instead of a countdown, an
/// open one whose turn it is, and withdrawing it (撤回) by keyboard, a refusal shown beside the reason, at 360 px too.
/// </summary>
public sealed class CaseStatusJourneyTests(Browser browser)
{
    private const string ResidencePermit = "11211200061012195B00070501100001"; // 居住证申领

    [Fact]
    public async Task A_concluded_case_shows_its_outcome_and_date_and_an_open_one_is_withdrawn_by_keyboard_with_a_reason()
    {
        var page = await browser.OpenAsync("/account/sign-in", width: 360);
        await CitizenJourneyTests.SignInAsync(page);
        var cases = await GivenCases.GiveAsync(browser, page, ResidencePermit, 40, seed: 5);

        await page.GotoAsync($"{browser.BaseUrl}/my/cases/{cases.First(c => c.Status == "Concluded").Number}");
        await Assertions.Expect(page.Locator("#whose-turn")).ToHaveTextAsync("无（已办结）");
        await Assertions.Expect(page.Locator("#time-limit")).ToContainTextAsync(new Regex(@"\d{4}-\d{2}-\d{2} 办结"));
        await Assertions.Expect(page.Locator("#time-limit")).Not.ToContainTextAsync("剩");
        await Assertions.Expect(page.Locator("#withdraw")).ToHaveCountAsync(0); // decided: too late to withdraw

        var open = cases.First(c => c.Status is "Submitted" or "InProcess").Number;
        await page.GotoAsync($"{browser.BaseUrl}/my/cases/{open}");
        await Assertions.Expect(page.Locator("#whose-turn")).Not.ToContainTextAsync("无");
        await page.Locator("#withdraw summary").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var reason = page.GetByLabel("撤回理由");
        await reason.FillAsync("   "); // spaces pass the browser's own check; the server refuses them
        await page.GetByRole(AriaRole.Button, new() { Name = "确认撤回" }).ClickAsync();
        await Assertions.Expect(page.Locator("#withdraw .field-error")).ToContainTextAsync("请写明撤回的理由");
        await Assertions.Expect(reason).ToBeVisibleAsync(); // the form stays open beside its message
        await Browser.AssertAccessibleAsync(page);

        await reason.FillAsync("已在外地办理");
        await reason.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Browser.ArrivedAsync(page, $"/my/cases/{open}");
        await Assertions.Expect(page.Locator("#whose-turn")).ToHaveTextAsync("无（已撤回）");
        await Assertions.Expect(page.Locator("#time-limit")).ToContainTextAsync("撤回，不再计时");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("已在外地办理"); // the timeline keeps the reason
        await Assertions.Expect(page.Locator("#withdraw")).ToHaveCountAsync(0);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the case page is {overflow}px wider than the screen");
        await Browser.AssertAccessibleAsync(page);
    }
}
