namespace Tongban.EndToEnd;

/// <summary>axe-core, injected into each page, finds no WCAG 2.1 A/AA violation, in both languages and in large-text mode.</summary>
public sealed class AccessibilityTests(Browser browser)
{
    public static TheoryData<string> PublicPages => new(
        "/", "/halls", "/halls/city-centre", "/halls/tieling-county", "/about", "/sign-in", "/halls/no-such-hall",
        "/search?q=户口", "/search?q=gjj", "/items?subject=person", "/items/one-trip", "/items/fully-online",
        "/items/11211200061012195B00070500100001", "/life-events", "/life-events/LE-KBQY", "/catalog/statistics", "/performance",
        "/account/sign-in", "/account/register", "/account/reset",
        "/network", "/network?County=211221000000&Township=211221105000&Village=211221105209", "/network?County=211202000000&Township=x",
        "/network/stations/tlx-fanhe", "/network/centres/tieling-county");

    /// <summary>Each admin page with the role that may open it, so axe checks the page itself and not the refusal.</summary>
    public static TheoryData<string, string> AdminPages
    {
        get
        {
            const string System = "系统管理员", Catalog = "事项管理员", Data = "数据管理员";
            var pages = new TheoryData<string, string>();
            foreach (var path in new[]
            {
                "/admin", "/admin/organization", "/admin/organization/divisions", "/admin/organization/divisions?parent=211221000000",
                "/admin/organization/divisions/211221101000", "/admin/organization/departments", "/admin/organization/halls",
                "/admin/organization/halls/city-centre", "/admin/organization/stations", "/admin/organization/stations/tlx-xintaizi",
                "/admin/calendar", "/admin/audit", "/admin/nodes",
            })
                pages.Add(path, System);
            foreach (var path in new[]
            {
                "/admin/catalog", "/admin/catalog/consistency", "/admin/catalog/synonyms", "/admin/catalog/items/11211200061012195B00070500100001",
                "/admin/catalog/items/new", "/admin/catalog/items/11211200061012195B00070500100001/edit",
            })
                pages.Add(path, Catalog);
            foreach (var path in new[] { "/admin/registries", "/admin/sharing", "/admin/sharing/resources", "/admin/sharing/resources/new", "/admin/sharing/requests", "/admin/sharing/grants" })
                pages.Add(path, Data);
            pages.Add("/admin/identity/accounts", System);
            pages.Add("/admin/identity/clients", System);
            pages.Add("/admin/identity/federation", System);
            pages.Add("/admin/notifications/templates", System);
            pages.Add("/admin/notifications/templates?Event=accepted&Channel=sms", System);
            pages.Add("/admin/notifications/deliveries", System);
            pages.Add("/admin/cases", "窗口人员");
            pages.Add("/admin/cases/walk-in", "窗口人员");
            pages.Add("/admin/cases/agent", "驿站代办员");
            pages.Add("/admin/agency", "窗口人员");
            pages.Add("/admin/identity/verify-in-person", "窗口人员");
            return pages;
        }
    }

    /// <summary>Every page of a signed-in citizen's account (the identity module's /account pages, the notifications module's /my/messages).</summary>
    public static TheoryData<string> CitizenPages => new(
        "/account", "/account/verify", "/account/security", "/account/sessions", "/account/apps", "/account/proxies",
        "/account/enterprises", "/account/my-data-reads", "/account/sign-in-history", "/account/email/confirm?token=x",
        "/my/messages", "/my/messages/channels", "/my/appointments", "/my/agency");

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_public_page_has_no_accessibility_violation(string path)
    {
        var page = await browser.OpenAsync(path);
        await AssertAccessibleAndCloseAsync(page);
    }

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_public_page_in_English_and_large_text_has_no_accessibility_violation(string path)
    {
        var page = await browser.OpenAsync("/preferences/language?value=en&returnUrl=%2F");
        await page.GotoAsync(browser.BaseUrl + "/preferences/display?value=elder&returnUrl=" + Uri.EscapeDataString(path));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await AssertAccessibleAndCloseAsync(page);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task An_admin_page_has_no_accessibility_violation(string path, string role)
    {
        var page = await browser.OpenSignedInAsync(role, path);
        Assert.Equal(200, await page.EvaluateAsync<int>("() => performance.getEntriesByType('navigation')[0].responseStatus"));
        Assert.Equal(browser.BaseUrl + path, page.Url); // the page itself, not a refusal or the sign-in
        await AssertAccessibleAndCloseAsync(page);
    }

    [Theory]
    [MemberData(nameof(CitizenPages))]
    public async Task A_citizen_account_page_on_a_phone_has_no_accessibility_violation(string path)
    {
        var page = await browser.OpenSignedInAsync(Browser.Citizen, path, width: 360);
        Assert.Equal(200, await page.EvaluateAsync<int>("() => performance.getEntriesByType('navigation')[0].responseStatus"));
        Assert.Equal(browser.BaseUrl + path, page.Url); // the page itself, not the sign-in it would send a stranger to
        await AssertAccessibleAndCloseAsync(page);
    }

    [Fact]
    public async Task A_refused_step_up_on_a_phone_has_no_accessibility_violation()
    {
        var page = await browser.OpenAsync("/", width: 360);
        await Browser.CitizenSignInAsync(page); // a made-up person: the population registry does not know them
        await page.GotoAsync(browser.BaseUrl + "/account/verify");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "开始认证" }).ClickAsync();
        await Microsoft.Playwright.Assertions.Expect(page.Locator(".error-summary, [role=alert]").First).ToBeVisibleAsync();
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

    /// <summary>Checks the page, then closes its browser context: the class opens ~90 pages on one Chromium.</summary>
    private static async Task AssertAccessibleAndCloseAsync(Microsoft.Playwright.IPage page)
    {
        try
        {
            await Browser.AssertAccessibleAsync(page);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
