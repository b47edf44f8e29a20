namespace Tongban.EndToEnd;

/// <summary>
/// "Nearest to me" on the network page (issue #19 item 8) with the keyboard only, at 360 px and in large text: choose the
/// county, then the township, then the village; the nearest service point, the township station and the centres show,
/// and each links to its items.
/// </summary>
public sealed class NetworkJourneyTests(Browser browser)
{
    [Fact]
    public async Task A_resident_finds_the_station_nearest_home_with_the_keyboard_on_a_phone_in_large_text()
    {
        var page = await browser.OpenAsync("/preferences/display?value=elder&returnUrl=%2Fnetwork", width: 360);
        await ChooseAsync(page, "#County", "铁岭县");
        await page.WaitForSelectorAsync("#Township");
        await ChooseAsync(page, "#Township", "凡河镇");
        await page.WaitForSelectorAsync("#Village");
        await ChooseAsync(page, "#Village", "大莲花村");
        await page.WaitForSelectorAsync("#nearest-places");
        var names = await page.Locator("#nearest-places h3").AllInnerTextsAsync();
        Assert.Equal(["大莲花村便民服务站", "凡河镇政务服务驿站", "铁岭县公共行政服务中心", "铁岭市公共行政服务中心"], names);
        await Browser.AssertFitsAsync(page, "the nearest places at 360 px in large text");
        await page.Locator("#nearest-places a", new() { HasText = "大莲花村便民服务站" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("#place-items");
        Assert.True(await page.Locator("#place-items li").CountAsync() >= 10);
        await Browser.AssertFitsAsync(page, "a station's items at 360 px in large text");
        await Browser.AssertReadableAsync(page);
    }

    /// <summary>Tabs to the list, moves down to the option with the arrow keys and sends the form with Enter on its button.</summary>
    private static async Task ChooseAsync(Microsoft.Playwright.IPage page, string select, string label)
    {
        var index = await page.EvaluateAsync<int>($"() => [...document.querySelector('{select}').options].findIndex(o => o.text === '{label}')");
        Assert.True(index > 0, $"{label} is not offered in {select}");
        await page.FocusAsync(select);
        for (var i = 0; i < index; i++) await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal(label, await page.EvaluateAsync<string>($"() => document.querySelector('{select}').selectedOptions[0].text"));
        await page.FocusAsync("#nearest-submit");
        await page.Keyboard.PressAsync("Enter");
    }
}
