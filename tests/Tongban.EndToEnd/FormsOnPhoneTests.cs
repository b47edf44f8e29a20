using System.Text;
using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>
/// Application forms on a 360 px phone: conditional fields appear when their answer is given (and, without JavaScript,
/// stay and say when they apply), a division is picked city → county → township → village (or from one list without
/// JavaScript), fields come prefilled from the account, and the form, the guide and the case list fit the screen.
/// </summary>
public sealed class FormsOnPhoneTests(Browser browser)
{
    private const string Item = "11211200061012195B00070501100001"; // 居住证申领: conditions, a division, a yes/no

    [Fact]
    public async Task A_conditional_field_appears_only_when_its_answer_is_chosen()
    {
        var page = await SignedInAsync(360);
        await page.GotoAsync($"{browser.BaseUrl}/apply/{Item}");
        var school = page.Locator("#field-school_name");
        await Assertions.Expect(school).ToBeHiddenAsync();
        await page.GetByLabel("申领条件 *").SelectOptionAsync(new SelectOptionValue { Label = "连续就读" });
        await Assertions.Expect(school).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#field-employer_credit_code")).ToBeHiddenAsync();
        await page.GetByLabel("申领条件 *").SelectOptionAsync(new SelectOptionValue { Label = "合法稳定就业" });
        await Assertions.Expect(school).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#field-employer_credit_code")).ToBeVisibleAsync();
        await page.Locator("#field-renting").GetByLabel("是").CheckAsync();
        await Assertions.Expect(page.Locator("#field-landlord_name")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Without_JavaScript_a_conditional_field_stays_and_says_when_it_applies_in_words()
    {
        var page = await SignedInAsync(360, javaScript: false);
        await page.GotoAsync($"{browser.BaseUrl}/apply/{Item}");
        var school = page.Locator("#field-school_name");
        await Assertions.Expect(school).ToBeVisibleAsync();
        await Assertions.Expect(school).ToContainTextAsync("仅当“申领条件”为“连续就读”时填写"); // labels, never reason/study
        await Assertions.Expect(page.Locator("#field-landlord_name")).ToContainTextAsync("仅当“是否租住他人住房”为“是”时填写");
    }

    [Fact]
    public async Task A_division_is_picked_level_by_level_and_the_choice_survives_saving()
    {
        var page = await SignedInAsync(360);
        await page.GotoAsync($"{browser.BaseUrl}/apply/{Item}");
        var division = page.Locator("#field-division");
        await Assertions.Expect(division.GetByLabel("市", new() { Exact = true })).ToHaveValueAsync("211200000000"); // the region's one city, preselected
        await division.GetByLabel("区、县").SelectOptionAsync(new SelectOptionValue { Label = "铁岭县" });
        await division.GetByLabel("乡镇、街道").SelectOptionAsync(new SelectOptionValue { Label = "新台子镇" });
        await division.GetByLabel("村、社区").SelectOptionAsync(new SelectOptionValue { Label = "懿路村" });
        await Assertions.Expect(page.Locator("#form-division")).ToHaveValueAsync("211221101200");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(division.GetByLabel("村、社区")).ToHaveValueAsync("211221101200"); // shown again from the saved draft
        await Assertions.Expect(page.GetByLabel("联系电话（手机） *")).ToHaveValueAsync("13800000001"); // from the account
    }

    [Fact]
    public async Task Without_JavaScript_a_division_is_chosen_by_its_full_name_from_one_list()
    {
        var page = await SignedInAsync(360, javaScript: false);
        await page.GotoAsync($"{browser.BaseUrl}/apply/{Item}");
        await page.GetByLabel("居住地（行政区划） *").SelectOptionAsync(new SelectOptionValue { Label = "铁岭县新台子镇懿路村" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存草稿" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("居住地（行政区划） *")).ToHaveValueAsync("211221101200");
    }

    [Theory]
    [InlineData("zh-CN", false)]
    [InlineData("zh-CN", true)]
    [InlineData("en", true)]
    public async Task The_form_the_guide_and_the_case_list_fit_a_360_pixel_phone(string language, bool largeText)
    {
        var page = await SignedInAsync(360);
        await page.GotoAsync($"{browser.BaseUrl}/apply/{Item}");
        await page.Locator("#file-photo").SetInputFilesAsync(new FilePayload { Name = "一张名字很长很长很长很长很长很长很长很长很长很长的照片.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n") });
        await page.Locator("#material-photo").GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        var draft = new Uri(page.Url).PathAndQuery;
        await page.GotoAsync($"{browser.BaseUrl}/preferences/display?value={(largeText ? "elder" : "standard")}&returnUrl=%2F");
        foreach (var path in new[] { draft, $"/items/{Item}", "/items/11211200061012195B00070500700101", "/life-events/LE-GTKY", "/my/cases", "/account/my-data-reads" })
        {
            await page.GotoAsync($"{browser.BaseUrl}/preferences/language?value={language}&returnUrl={Uri.EscapeDataString(path)}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle); // the division picker has filled in
            await Browser.AssertFitsAsync(page, $"{language}{(largeText ? ", large text" : "")}");
        }
    }

    private async Task<IPage> SignedInAsync(int width, bool javaScript = true)
    {
        var page = await browser.OpenAsync("/", width, javaScript);
        await Browser.DemoCitizenSignInAsync(page);
        return page;
    }
}
