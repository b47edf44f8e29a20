namespace Tongban.EndToEnd;

/// <summary>axe-core, injected into each page, finds no WCAG 2.1 A/AA violation, in both languages and in large-text mode.</summary>
public sealed class AccessibilityTests(Browser browser) : IClassFixture<Browser>
{
    public static TheoryData<string> PublicPages => new(
        "/", "/halls", "/halls/city-centre", "/halls/tieling-county", "/about", "/sign-in", "/halls/no-such-hall",
        "/search?q=户口", "/search?q=gjj", "/items?subject=person", "/items/one-trip", "/items/fully-online",
        "/items/11211200061012195B00070500100001", "/life-events", "/life-events/LE-KBQY", "/catalog/statistics");

    public static TheoryData<string> AdminPages => new(
        "/admin", "/admin/organization", "/admin/organization/divisions", "/admin/organization/divisions?parent=211221000000",
        "/admin/organization/divisions/211221101000", "/admin/organization/departments", "/admin/organization/halls",
        "/admin/organization/halls/city-centre", "/admin/organization/stations", "/admin/organization/stations/tlx-xintaizi",
        "/admin/calendar", "/admin/audit", "/admin/catalog", "/admin/catalog/consistency", "/admin/catalog/synonyms",
        "/admin/catalog/items/11211200061012195B00070500100001");

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_public_page_has_no_accessibility_violation(string path)
    {
        var page = await browser.OpenAsync(path);
        await Browser.AssertAccessibleAsync(page);
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_public_page_in_English_and_large_text_has_no_accessibility_violation(string path)
    {
        var page = await browser.OpenAsync("/preferences/language?value=en&returnUrl=%2F");
        await page.GotoAsync(browser.BaseUrl + "/preferences/display?value=elder&returnUrl=" + Uri.EscapeDataString(path));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Browser.AssertAccessibleAsync(page);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task An_admin_page_has_no_accessibility_violation(string path)
    {
        var page = await browser.OpenAsync("/");
        await Browser.SignInAsync(page);
        await page.GotoAsync(browser.BaseUrl + path);
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task A_form_with_errors_has_no_accessibility_violation()
    {
        var page = await browser.OpenAsync("/");
        await Browser.SignInAsync(page);
        await page.GotoAsync(browser.BaseUrl + "/admin/organization/divisions");
        await page.Locator("#Input_Code").FillAsync("2112");
        await page.Locator("#Input_Name").FillAsync("坏代码");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "添加", Exact = true }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("行政区划代码应为6、9或12位数字");
        await Browser.AssertAccessibleAsync(page);
    }
}
