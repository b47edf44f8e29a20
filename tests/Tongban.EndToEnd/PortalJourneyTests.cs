using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>A resident's first visit, in a real browser: languages, large text, the city centre's page.</summary>
public sealed class PortalJourneyTests(Browser browser)
{
    [Fact]
    public async Task A_visitor_switches_language_and_back_turns_on_large_text_and_finds_the_city_centre()
    {
        var page = await browser.OpenAsync("/");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "个人办事" })).ToBeVisibleAsync();

        await page.ClickAsync("#switch-language");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "For individuals" })).ToBeVisibleAsync();

        await page.ClickAsync("#switch-language");
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));

        var normalSize = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.documentElement).fontSize)");
        await page.ClickAsync("#switch-display");
        Assert.Equal("elder", await page.GetAttributeAsync("html", "class"));
        var largeSize = await page.EvaluateAsync<double>("parseFloat(getComputedStyle(document.documentElement).fontSize)");
        Assert.True(largeSize >= normalSize * 1.25, $"large text is {largeSize}px against {normalSize}px");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "主导航" }).GetByRole(AriaRole.Link, new() { Name = "服务大厅" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "铁岭市公共行政服务中心" }).ClickAsync();
        await Assertions.Expect(page.Locator("#hall-address")).ToHaveTextAsync("凡河新区金沙江路36号");
        var bus = await page.Locator("#hall-bus").InnerTextAsync();
        foreach (var line in new[] { "2路", "16路", "101路", "102路", "202路北环", "202路南环", "市政府站" })
            Assert.Contains(line, bus, StringComparison.Ordinal);
        Assert.Equal("elder", await page.GetAttributeAsync("html", "class")); // the mode persisted
    }

    [Fact]
    public async Task The_first_Tab_reaches_the_skip_link_and_it_moves_focus_to_the_main_content()
    {
        var page = await browser.OpenAsync("/halls");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("跳到主要内容", await page.EvaluateAsync<string>("document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/halls")]
    [InlineData("/halls/city-centre")]
    [InlineData("/about")]
    [InlineData("/network")]
    [InlineData("/network?County=211221000000&Township=211221105000&Village=211221105209")]
    [InlineData("/network/stations/tlx-fanhe")]
    public async Task Pages_fit_a_360_pixel_phone_without_sideways_scrolling(string path)
    {
        var page = await browser.OpenAsync(path, width: 360);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 360px screen");
    }
}
