using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>
/// The whole loop of a case in a real browser, on the demo region: 张建国 applies for 户口迁移（迁入） reusing his
/// household record and his electronic 居民身份证 (a license in place of the material: offered, agreed to, shown to staff
/// as verified), a window clerk asks for a correction, he corrects, the clerk accepts with a deferred 容缺
/// material, he supplies it, the reviewer and the approver act, the clerk concludes.
/// </summary>
public sealed partial class CaseJourneyTests(Browser browser)
{
    private const string Item = "11211200061012195B00070500700101";
    private const string Department = "11211200061012195B";

    [Fact]
    public async Task A_citizen_applies_with_his_household_record_and_the_case_goes_through_correction_deferral_and_approval_to_conclusion()
    {
        var staff = await browser.OpenAsync("/");
        await StaffSignInAsync(staff, "窗口人员");
        await staff.GotoAsync(browser.BaseUrl + "/admin/identity/verify-in-person"); // 户口迁移 needs L3: he shows his ID card at a window first
        await staff.GetByLabel("居民身份证号码").FillAsync("211221196805129013");
        await staff.GetByLabel("证件上的姓名").FillAsync("张建国");
        await staff.GetByRole(AriaRole.Button, new() { Name = "核验通过" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Status)).ToContainTextAsync("三级实名");

        await IssueIdCardAsync(); // the public security bureau issued him an electronic 居民身份证

        var citizen = await browser.OpenAsync("/account/sign-in");
        await citizen.Locator("#Login").FillAsync("211221196805129013");
        await citizen.Locator("#Password").FillAsync("Tongban-Demo-2026");
        await citizen.Locator("form:has(#Login)").GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Browser.ArrivedAsync(citizen, Browser.LeftSignIn);
        await citizen.GotoAsync($"{browser.BaseUrl}/apply/{Item}");
        await Browser.AssertAccessibleAsync(citizen);
        await Browser.AssertReadableAsync(citizen);

        await citizen.GetByLabel("迁入原因 *").SelectOptionAsync("house");
        await citizen.Locator("#field-from_division").GetByLabel("区、县").SelectOptionAsync(new SelectOptionValue { Label = "铁岭县" }); // the cascading picker
        await citizen.GetByLabel("迁出地详细地址 *").FillAsync("铁岭县新台子镇");
        await citizen.GetByLabel("迁入地详细地址 *").FillAsync("银州区");
        await citizen.GetByLabel("随迁人数（含本人） *").FillAsync("1");
        await citizen.GetByLabel("联系电话（手机） *").FillAsync("13800000001");
        await UseRegistryRecordAsync(citizen, "household_book");
        await Assertions.Expect(citizen.Locator("#material-household_book")).ToContainTextAsync("使用登记信息");
        // His 居民身份证 comes from the license library: offered, chosen, agreed to; nothing is attached before he agrees.
        var idCard = citizen.Locator("#material-id_card");
        await idCard.GetByRole(AriaRole.Button, new() { Name = "使用我的电子证照（居民身份证）" }).ClickAsync();
        await Assertions.Expect(idCard.GetByRole(AriaRole.Radio)).ToBeCheckedAsync();
        await Browser.AssertAccessibleAsync(citizen);
        await idCard.GetByRole(AriaRole.Checkbox).CheckAsync();
        await idCard.GetByRole(AriaRole.Button, new() { Name = "同意并使用证照" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#material-id_card")).ToContainTextAsync("使用电子证照：居民身份证");
        await Assertions.Expect(citizen.GetByLabel("迁入地详细地址 *")).ToHaveValueAsync("银州区"); // typed values survive every button
        // The application form itself has no registry fact: it is the one file uploaded.
        await citizen.Locator("#file-application_form").SetInputFilesAsync(new FilePayload { Name = "申请表.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n") });
        await citizen.Locator("#material-application_form").GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#material-application_form")).ToContainTextAsync("申请表.pdf");
        await Browser.AssertAccessibleAsync(citizen);
        await Browser.AssertReadableAsync(citizen);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Browser.ArrivedAsync(citizen, "/receipt");
        var number = NumberPattern().Match(citizen.Url).Value;
        Assert.NotEmpty(number);

        var casePage = $"{browser.BaseUrl}/admin/cases/{number}";
        await staff.GotoAsync(casePage);
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("登记信息：");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("电子证照：居民身份证");
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("使用时核验：签章有效，状态“有效”");
        await staff.GetByRole(AriaRole.Link, new() { Name = "查看照面并重新核验" }).ClickAsync();
        await Assertions.Expect(staff.Locator("#license-checks")).ToContainTextAsync("签章有效");
        await Assertions.Expect(staff.Locator("#license-face")).ToContainTextAsync("张建国");
        await Browser.AssertAccessibleAsync(staff);
        await staff.GotoAsync(casePage);
        await Browser.AssertAccessibleAsync(staff);
        await Browser.AssertReadableAsync(staff);
        await staff.GetByLabel("迁入地详细地址：需补正的内容（不需要则留空）").FillAsync("请写明街道和门牌号"); // the field by its label, never its key
        await staff.GetByRole(AriaRole.Button, new() { Name = "告知补正" }).ClickAsync();

        await citizen.GotoAsync($"{browser.BaseUrl}/my/cases/{number}");
        await Browser.AssertAccessibleAsync(citizen);
        await Browser.AssertReadableAsync(citizen);
        await citizen.GetByLabel("迁入地详细地址：请写明街道和门牌号").FillAsync("银州区工人街道柴河街10号");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交补正" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#correct")).ToHaveCountAsync(0); // resubmitted (the page came back without the request) before the staff page is read

        await staff.GotoAsync(casePage);
        await staff.GetByRole(AriaRole.Checkbox, new() { Name = "合法稳定住所证明（不动产权证书或房屋租赁登记备案证明）" }).CheckAsync();
        await staff.GetByLabel("承诺补交日期").FillAsync(DateTime.UtcNow.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await staff.GetByRole(AriaRole.Button, new() { Name = "容缺受理" }).ClickAsync();
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("未补交");

        await citizen.GotoAsync($"{browser.BaseUrl}/my/cases/{number}");
        await Browser.AssertAccessibleAsync(citizen); // the deferred material's upload form
        await Browser.AssertReadableAsync(citizen);
        await citizen.Locator("#file-residence_proof").SetInputFilesAsync(new FilePayload { Name = "不动产权证书.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n") });
        await citizen.Locator("#material-residence_proof").GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Assertions.Expect(citizen.Locator("#material-residence_proof")).ToHaveCountAsync(0); // received: nothing more awaited

        await StaffSignInAsync(staff, "审查人员");
        await staff.GotoAsync(casePage);
        await staff.GetByLabel("意见").FillAsync("材料齐全，符合购房落户条件");
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByLabel("意见")).ToHaveCountAsync(0); // the step is done (the page came back without it) before another role signs in
        await StaffSignInAsync(staff, "审批人员");
        await staff.GotoAsync(casePage);
        await staff.GetByLabel("意见").FillAsync("同意迁入");
        await staff.GetByLabel("准予").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();
        await Assertions.Expect(staff.GetByLabel("意见")).ToHaveCountAsync(0); // the step is done (the page came back without it) before another role signs in
        await StaffSignInAsync(staff, "窗口人员");
        await staff.GotoAsync(casePage);
        await staff.GetByLabel("电子送达").CheckAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "办结" }).ClickAsync();
        await Assertions.Expect(staff.Locator("main")).ToContainTextAsync("已办结");
        await Browser.AssertReadableAsync(staff); // the whole timeline: every actor by name and role, the delivery in words

        await citizen.GotoAsync($"{browser.BaseUrl}/my/cases/{number}");
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("已办结");

        // 好差评: rated once from the case page; afterwards the page shows the rating instead of the form.
        await citizen.GetByLabel("非常满意", new() { Exact = true }).CheckAsync();
        await citizen.GetByLabel("办事效率", new() { Exact = true }).CheckAsync();
        await citizen.GetByLabel("意见建议（选填）").FillAsync("一次办成，没有跑腿");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(citizen.GetByRole(AriaRole.Heading, new() { Name = "我的评价" })).ToBeVisibleAsync();
        await Assertions.Expect(citizen.Locator("main")).ToContainTextAsync("非常满意");
        await Assertions.Expect(citizen.GetByRole(AriaRole.Button, new() { Name = "提交评价" })).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(citizen);
        await Browser.AssertReadableAsync(citizen);
    }

    /// <summary>A license administrator of the public security bureau issues 张建国 his 居民身份证 through the API, called from a page of the site.</summary>
    private async Task IssueIdCardAsync()
    {
        var admin = await browser.OpenAsync("/");
        await Browser.StaffSignInAsync(admin, "证照管理员", Department);
        var status = await admin.EvaluateAsync<int>("""
            async () => (await fetch('/api/licenses/admin/issue', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({
                type: '11100000095986561A002', holderCode: '211221196805129013', holderName: '张建国',
                fields: { sex: 'male', ethnicity: '汉', birth_date: '1968-05-12', address: '辽宁省铁岭县新台子镇', issuing_office: '铁岭县公安局' } }) })).status
            """);
        Assert.Equal(201, status);
        await admin.Context.CloseAsync();
    }

    private static async Task UseRegistryRecordAsync(IPage page, string key)
    {
        var material = page.Locator($"#material-{key}");
        await material.GetByRole(AriaRole.Button, new() { Name = "使用我的登记信息" }).ClickAsync();
        await material.GetByRole(AriaRole.Checkbox).CheckAsync();
        await material.GetByRole(AriaRole.Button, new() { Name = "同意并使用" }).ClickAsync();
        await Assertions.Expect(page.Locator($"#material-{key}")).ToContainTextAsync("使用登记信息");
    }

    /// <summary>The development sign-in as a member of the item's department holding <paramref name="role"/>.</summary>
    private static Task StaffSignInAsync(IPage page, string role) => Browser.StaffSignInAsync(page, role, Department);

    [GeneratedRegex(@"\d{6}-\d{8}-\d{5}")]
    private static partial Regex NumberPattern();
}
