using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>A catalog administrator drafts an item on a phone-sized screen: rows added without script, errors on the fields.</summary>
public sealed class CatalogFormJourneyTests(Browser browser)
{
    private const string Code = "11211200061012195BE2E001";

    [Fact]
    public async Task A_catalog_administrator_drafts_an_item_adds_rows_and_sees_what_is_missing_on_the_fields()
    {
        var page = await browser.OpenAsync("/", width: 360);
        await Browser.SignInAsync(page, "事项管理员");
        await page.GotoAsync(browser.BaseUrl + "/admin/catalog");
        await page.GetByRole(AriaRole.Link, new() { Name = "新建事项" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "新建事项", Exact = true })).ToBeVisibleAsync();
        await AssertFitsAndAccessibleAsync(page);

        await page.GetByLabel("基本编码（最长12位）").FillAsync("E2E000000001");
        await page.GetByLabel("实施编码（最长36位，保存后不能修改）").FillAsync(Code);
        await page.GetByLabel("事项名称").FillAsync("居住证签注（浏览器）");
        await page.GetByLabel("事项类型").SelectOptionAsync("行政确认");
        await page.GetByLabel("实施主体").SelectOptionAsync("11211200061012195B");
        await page.GetByLabel("个人", new() { Exact = true }).CheckAsync();
        await page.Locator("#Input_Materials_0__Name").FillAsync("居民身份证");
        await page.Locator("#Input_Materials_1__Name").FillAsync("租房合同");
        await page.Locator("#Input_Materials_1__Required").SelectOptionAsync("conditional");
        await page.Locator("#Input_Materials_1__Condition").FillAsync("租住他人住房的");
        await page.GetByRole(AriaRole.Button, new() { Name = "添加材料行" }).ClickAsync();

        await Assertions.Expect(page.Locator("#Input_Materials_3__Name")).ToBeVisibleAsync(); // two more, no script
        await Assertions.Expect(page.Locator("#Input_Materials_1__Condition")).ToHaveValueAsync("租住他人住房的");
        await page.Locator("#Input_Places_0__Place").SelectOptionAsync("hall:city-centre");
        await page.Locator("#Input_Steps_0__Text").FillAsync("申请");
        await page.GetByLabel("承诺办结时限（工作日）").FillAsync("七天");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();

        await Assertions.Expect(page.Locator("#Input_PromisedLimit-error")).ToHaveTextAsync("承诺办结时限应填整数，而不是“七天”");
        await Assertions.Expect(page.Locator("#Input_Materials_1__Name")).ToHaveValueAsync("租房合同");
        await AssertFitsAndAccessibleAsync(page);

        await page.GetByLabel("承诺办结时限（工作日）").FillAsync("7");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存并提交合法性审查" }).ClickAsync();

        await Assertions.Expect(page.Locator("#saved-not-submitted")).ToContainTextAsync("草稿已保存为第1版");
        await Assertions.Expect(page.Locator("#Input_LegalBasis-error")).ToHaveTextAsync("缺少要素：设定依据");
        await Assertions.Expect(page.Locator("#Input_Level-error")).ToHaveTextAsync("缺少要素：行使层级");

        await page.GotoAsync(browser.BaseUrl + "/admin/catalog/items/" + Code);
        await Assertions.Expect(page.Locator("#item-status")).ToHaveTextAsync("未发布");
        await page.GetByRole(AriaRole.Link, new() { Name = "修改要素" }).ClickAsync();
        await Assertions.Expect(page.Locator("#implementation-code")).ToHaveTextAsync(Code);
        await Assertions.Expect(page.Locator("#Input_Materials_1__Condition")).ToHaveValueAsync("租住他人住房的");
        await Assertions.Expect(page.Locator("#Input_PromisedLimit")).ToHaveValueAsync("7");
    }

    private static async Task AssertFitsAndAccessibleAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow}px wider than a 360px screen");
        await Browser.AssertAccessibleAsync(page);
    }
}
