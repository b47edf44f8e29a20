using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>A resident looking for an item the way they say it, in a real browser.</summary>
public sealed class SearchJourneyTests(Browser browser)
{
    [Fact]
    public async Task An_everyday_name_finds_the_item_once_with_the_residents_own_place_first_and_the_facet_narrows_to_it()
    {
        var page = await browser.OpenAsync("/search");
        await page.FillAsync("#q", "营业执照");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索", Exact = true }).ClickAsync();
        var item = page.Locator("ol.result-list > li").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "企业设立登记", Exact = true }) });
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item.GetByRole(AriaRole.List, new() { Name = "办理地点" }).GetByRole(AriaRole.Link)).ToHaveCountAsync(6);

        await page.SelectOptionAsync("#home", new SelectOptionValue { Label = "开原市" });
        await page.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Assertions.Expect(item.GetByRole(AriaRole.List, new() { Name = "办理地点" }).GetByRole(AriaRole.Link).First).ToHaveTextAsync("开原市（县级）");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "办理地区" }).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^开原市") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "全部地区" })).ToBeVisibleAsync();
        foreach (var meta in await page.Locator("ol.result-list > li p.meta").AllInnerTextsAsync())
            Assert.Contains("开原市", meta, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_life_event_is_found_by_its_everyday_name()
    {
        var page = await browser.OpenAsync("/search?q=" + Uri.EscapeDataString("生孩子要办哪些事"));
        await page.Locator("ol.result-list > li").First.GetByRole(AriaRole.Link, new() { Name = "新生儿出生" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/life-events/LE-XSECS$"));
    }

    [Fact]
    public async Task The_search_page_fits_a_360_pixel_phone_without_sideways_scrolling()
    {
        var page = await browser.OpenAsync("/search?q=" + Uri.EscapeDataString("最低生活保障"), width: 360);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the search page is {overflow}px wider than a 360px screen");
    }
}
