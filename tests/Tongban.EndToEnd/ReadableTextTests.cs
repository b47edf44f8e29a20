using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>
/// No internal key reaches a reader: one case of 居住证申领 goes the whole way (a registry fact, a tolerable material, a
/// process step, a decision, a bad rating and its call-back), then the main pages are walked as the citizen, a window
/// clerk, a reviewer and a system administrator, in Chinese and in English, each page checked by
/// <see cref="Browser.AssertReadableAsync"/>. The audit log and the definition editors (forms, templates with their
/// placeholders and both languages' texts) are left out: their keys are what an administrator edits or verifies.
/// </summary>
public sealed partial class ReadableTextTests(Browser browser)
{
    private const string Item = "11211200061012195B00070501100001";
    private const string Department = "11211200061012195B";

    [Fact]
    public async Task Every_page_the_citizen_and_staff_reach_reads_without_internal_keys_in_both_languages()
    {
        var citizen = await browser.OpenAsync("/");
        await Browser.DemoCitizenSignInAsync(citizen);
        var number = await ApplyAsync(citizen);
        var staff = await browser.OpenAsync("/");
        await HandleAsync(staff, number);
        await RateAsync(citizen, number);
        var rating = await CallBackAsync(staff);
        await browser.DrainOutboxAsync();

        foreach (var language in new[] { "zh-CN", "en" })
        {
            await WalkAsync(citizen, language, "/", "/halls", "/halls/city-centre", $"/items/{Item}", "/life-events/LE-GTKY", "/items?subject=person",
                "/account", "/my/cases", $"/my/cases/{number}", $"/my/cases/{number}/receipt", "/my/messages", "/account/my-data-reads",
                "/account/sessions", "/account/sign-in-history", $"/apply/{Item}", "/apply/bundle/LE-GTKY");
            await Browser.StaffSignInAsync(staff, "窗口人员", Department);
            await WalkAsync(staff, language, "/admin", "/admin/cases", $"/admin/cases/{number}", "/admin/ratings", rating, "/admin/supervision/orders", "/admin/cases/walk-in");
            await Browser.StaffSignInAsync(staff, "审查人员", Department);
            await WalkAsync(staff, language, "/admin/cases", $"/admin/cases/{number}", rating);
            await Browser.StaffSignInAsync(staff, "效能督查员", Department);
            await WalkAsync(staff, language, "/admin/supervision");
            await Browser.StaffSignInAsync(staff, "领导", Department);
            await WalkAsync(staff, language, "/statistics", "/statistics/department", "/statistics/cases?indicator=received");
            await Browser.StaffSignInAsync(staff, "系统管理员", Department);
            await WalkAsync(staff, language, "/admin", "/admin/notifications/deliveries", "/admin/nodes");
        }

        // The case list, the case and the workbench hold rows now: on a 360 px phone in large text they reflow, never scroll sideways.
        var phone = await browser.OpenAsync("/preferences/display?value=elder&returnUrl=%2F", width: 360);
        await Browser.DemoCitizenSignInAsync(phone);
        foreach (var path in new[] { "/my/cases", $"/my/cases/{number}", "/my/messages" })
        {
            await phone.GotoAsync(browser.BaseUrl + path);
            await Browser.AssertFitsAsync(phone, "large text");
        }
        await Browser.StaffSignInAsync(phone, "窗口人员", Department);
        foreach (var path in new[] { "/admin/cases", $"/admin/cases/{number}" })
        {
            await phone.GotoAsync(browser.BaseUrl + path);
            await Browser.AssertFitsAsync(phone, "large text");
        }
        await Browser.StaffSignInAsync(phone, "领导", Department);
        foreach (var path in new[] { "/statistics/department", "/statistics/cases?indicator=received" })
        {
            await phone.GotoAsync(browser.BaseUrl + path);
            await Browser.AssertFitsAsync(phone, "large text");
        }
    }

    private async Task WalkAsync(IPage page, string language, params string[] paths)
    {
        foreach (var path in paths)
        {
            await page.GotoAsync($"{browser.BaseUrl}/preferences/language?value={language}&returnUrl={Uri.EscapeDataString(path)}");
            Assert.DoesNotContain("/status/", page.Url, StringComparison.Ordinal);
            await Browser.AssertReadableAsync(page);
        }
    }

    /// <summary>The citizen applies: a condition answered, a division picked, his identity from the registry, two files.</summary>
    private async Task<string> ApplyAsync(IPage citizen)
    {
        await citizen.GotoAsync($"{browser.BaseUrl}/apply/{Item}");
        await citizen.GetByLabel("申领条件 *").SelectOptionAsync(new SelectOptionValue { Label = "合法稳定住所" });
        await citizen.GetByLabel("居住地址 *").FillAsync("银州区柴河街1号");
        await citizen.Locator("#field-division").GetByLabel("区、县").SelectOptionAsync(new SelectOptionValue { Label = "银州区" });
        await citizen.Locator("#field-division").GetByLabel("乡镇、街道").SelectOptionAsync(new SelectOptionValue { Label = "红旗街道" });
        await citizen.GetByLabel("来本市居住日期 *").FillAsync("2024-01-01");
        await citizen.Locator("#field-renting").GetByLabel("是").CheckAsync();
        await citizen.GetByLabel("房东姓名 *").FillAsync("李秀英");
        var idCard = citizen.Locator("#material-id_card");
        await idCard.GetByRole(AriaRole.Button, new() { Name = "使用我的登记信息" }).ClickAsync();
        await Browser.AssertReadableAsync(citizen); // the registry record's preview: statuses by their labels
        await idCard.GetByRole(AriaRole.Checkbox).CheckAsync();
        await idCard.GetByRole(AriaRole.Button, new() { Name = "同意并使用" }).ClickAsync();
        foreach (var (key, file) in new[] { ("residence_proof", "租房合同.pdf"), ("photo", "照片.pdf") })
        {
            await citizen.Locator($"#file-{key}").SetInputFilesAsync(new FilePayload { Name = file, MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n") });
            await citizen.Locator($"#material-{key}").GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        }
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Browser.ArrivedAsync(citizen, "/receipt");
        return NumberPattern().Match(citizen.Url).Value;
    }

    /// <summary>Accepted at the window, reviewed, approved, concluded.</summary>
    private async Task HandleAsync(IPage staff, string number)
    {
        var casePage = $"{browser.BaseUrl}/admin/cases/{number}";
        await Browser.StaffSignInAsync(staff, "窗口人员", Department);
        await staff.GotoAsync(casePage);
        await staff.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true })).ToHaveCountAsync(0); // accepted before another role signs in
        await Browser.StaffSignInAsync(staff, "审查人员", Department);
        await staff.GotoAsync(casePage);
        await Assertions.Expect(staff.Locator("#current-step")).ToContainTextAsync("审查（审查人员）");
        await staff.GetByLabel("意见").FillAsync("材料齐全");
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByLabel("意见")).ToHaveCountAsync(0); // the step is done before another role signs in
        await Browser.StaffSignInAsync(staff, "审批人员", Department);
        await staff.GotoAsync(casePage);
        await staff.GetByLabel("意见").FillAsync("同意");
        await staff.GetByLabel("准予").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByLabel("意见")).ToHaveCountAsync(0); // the step is done before another role signs in
        await Browser.StaffSignInAsync(staff, "窗口人员", Department);
        await staff.GotoAsync(casePage);
        await staff.GetByLabel("邮寄送达").CheckAsync();
        await staff.GetByLabel("运单号（邮寄时）").FillAsync("SF1234567890");
        await staff.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#timeline")).ToBeVisibleAsync();
    }

    private async Task RateAsync(IPage citizen, string number)
    {
        await citizen.GotoAsync($"{browser.BaseUrl}/my/cases/{number}");
        await citizen.GetByLabel("不满意", new() { Exact = true }).CheckAsync();
        await citizen.GetByLabel("办事效率", new() { Exact = true }).CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "我的评价" })).ToBeVisibleAsync();
    }

    /// <summary>The department calls the applicant back; the rating's page links to its case. Returns the rating's path.</summary>
    private async Task<string> CallBackAsync(IPage staff)
    {
        await staff.GotoAsync($"{browser.BaseUrl}/admin/ratings");
        await staff.Locator("a[href^='/admin/ratings/']").First.ClickAsync();
        await staff.GetByLabel("回访结果").FillAsync("已致电申请人说明原因");
        await staff.GetByRole(AriaRole.Button, new() { Name = "记录回访" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#rating-case")).ToHaveAttributeAsync("href", new Regex("^/admin/cases/"));
        return new Uri(staff.Url).AbsolutePath;
    }

    [GeneratedRegex(@"\d{6}-\d{8}-\d{5}")]
    private static partial Regex NumberPattern();
}
