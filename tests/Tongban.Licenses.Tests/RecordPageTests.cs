using System.Net;
using Tongban.Kernel.Security;

namespace Tongban.Licenses.Tests;

/// <summary>The license pages of a license administrator: finding licenses, a license's page, status change with a reason, renewal.</summary>
// Counts what the whole library holds: apps of its own, apart from the assembly's shared ones.
public sealed partial class RecordPageTests(ClassLaneApps lanes) : IClassFixture<ClassLaneApps>
{
    [Theory, DatabaseLanes]
    public async Task An_identifier_with_a_wrong_check_character_is_refused_inline_and_the_right_one_opens_the_license(DatabaseLane lane)
    {
        var admin = await (await lanes.For(lane)).LicenseAdminAsync(Samples.Samr);
        var identifier = await admin.IssueFoodLicenceAsync();
        var wrong = identifier[..^1] + (identifier[^1] == 'A' ? 'B' : 'A');

        using var refused = await admin.PostFormAsync("/admin/licenses/records", "/admin/licenses/records?handler=Find", ("Identifier", wrong));
        using var found = await admin.PostFormAsync("/admin/licenses/records", "/admin/licenses/records?handler=Find", ("Identifier", identifier.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("电子证照标识的校验位不正确", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Equal($"/admin/licenses/records/{Uri.EscapeDataString(identifier)}", found.Headers.Location!.OriginalString);
    }

    [Theory, DatabaseLanes]
    public async Task A_status_change_without_a_reason_is_refused_on_the_form_and_the_license_stays_valid(DatabaseLane lane)
    {
        var admin = await (await lanes.For(lane)).LicenseAdminAsync(Samples.Samr);
        var identifier = await admin.IssueFoodLicenceAsync();
        var page = Page(identifier);

        using var refused = await admin.PostFormAsync(page, $"{page}?handler=Status", ("Status.Action", "suspend"), ("Status.Reason", "  "));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("请填写原因", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("01", await StatusAsync(admin, identifier));
    }

    [Theory, DatabaseLanes]
    public async Task A_suspension_with_a_reason_reads_in_the_status_history_in_words_and_is_audited(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var identifier = await admin.IssueFoodLicenceAsync();
        var page = Page(identifier);

        using var done = await admin.PostFormAsync(page, $"{page}?handler=Status", ("Status.Action", "suspend"), ("Status.Reason", "监督检查发现问题，责令整改"));

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(page));
        Assert.Contains("有效 → 暂扣", html, StringComparison.Ordinal);
        Assert.Contains("监督检查发现问题，责令整改", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Suspended", html, StringComparison.Ordinal);
        Assert.Equal("02", await StatusAsync(admin, identifier));
        Assert.Contains(await app.AuditOfAsync($"license:{identifier}"), a => a.Action == "licenses.status_suspended" && a.Details!.Contains("责令整改", StringComparison.Ordinal));
    }

    [Theory, DatabaseLanes]
    public async Task A_region_wide_administrator_is_refused_a_status_change_inline_and_the_license_stays_valid(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var identifier = await (await app.LicenseAdminAsync(Samples.Samr)).IssueFoodLicenceAsync();
        var regionWide = await app.SignInAsync("证照总管理员", Policies.LicenseAdministrator);
        var page = Page(identifier);

        using var refused = await regionWide.PostFormAsync(page, $"{page}?handler=Status", ("Status.Action", "revoke"), ("Status.Reason", "越权撤销"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("只有颁发机构的证照管理员可以变更该证照", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("01", await StatusAsync(regionWide, identifier));
        Assert.DoesNotContain(await app.AuditOfAsync($"license:{identifier}"), a => a.Action.StartsWith("licenses.status_", StringComparison.Ordinal));
    }

    [Theory, DatabaseLanes]
    public async Task A_renewal_on_the_page_issues_version_two_linked_to_the_first_which_reads_replaced(DatabaseLane lane)
    {
        var admin = await (await lanes.For(lane)).LicenseAdminAsync(Samples.Samr);
        var identifier = await admin.IssueFoodLicenceAsync();
        var page = Page(identifier);

        using var renewed = await admin.PostFormAsync(page, $"{page}?handler=Renew", ("Renew.Kind", "renewal"), ("Renew.Reason", "有效期届满延续"));

        Assert.Equal(HttpStatusCode.Redirect, renewed.StatusCode);
        var next = Uri.UnescapeDataString(renewed.Headers.Location!.OriginalString["/admin/licenses/records/".Length..]);
        Assert.Contains(".002.", next, StringComparison.Ordinal);
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(Page(next)));
        Assert.Contains(Page(identifier), html, StringComparison.Ordinal); // the versions table links the first version
        Assert.Equal("99", await StatusAsync(admin, identifier));
        Assert.Contains("有效期届满延续", WebUtility.HtmlDecode(await admin.GetStringAsync(page)), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_holder_is_found_by_a_posted_id_number_shown_masked_and_a_wrong_number_is_refused_inline(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Psb);
        var idNumber = TestPeople.NewIdNumber();
        await admin.IssueResidencePermitAsync(idNumber, "周晓梅");

        using var found = await admin.PostFormAsync("/admin/licenses/records", "/admin/licenses/records?handler=Holder", ("HolderCode", idNumber));
        // A wrong check character that does not happen to make a valid credit code either (1 in 31 would).
        var wrongNumber = "0123456789".Select(c => idNumber[..^1] + c).First(n => n != idNumber && !Kernel.Identifiers.CreditCode.TryParse(n, out _, out _));
        using var wrong = await admin.PostFormAsync("/admin/licenses/records", "/admin/licenses/records?handler=Holder", ("HolderCode", wrongNumber));

        var html = WebUtility.HtmlDecode(await found.Content.ReadAsStringAsync());
        Assert.Contains("周晓梅", html, StringComparison.Ordinal);
        Assert.Contains($"{idNumber[..6]}********{idNumber[^4..]}", html, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("这不是有效的身份证号码或统一社会信用代码", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task The_status_filter_lists_only_suspended_licenses_by_their_type_name(DatabaseLane lane)
    {
        var admin = await (await lanes.For(lane)).LicenseAdminAsync(Samples.Samr);
        var (suspended, valid) = (await admin.IssueFoodLicenceAsync(), await admin.IssueFoodLicenceAsync());
        (await admin.ChangeAsync(suspended, "suspend", "整改")).EnsureSuccessStatusCode();

        var html = await admin.GetStringAsync("/admin/licenses/records?status=02");

        Assert.Contains(Uri.EscapeDataString(suspended), html, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(valid), html, StringComparison.Ordinal);
        Assert.Contains("食品经营许可证", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
    }

    internal static string Page(string identifier) => $"/admin/licenses/records/{Uri.EscapeDataString(identifier)}";

    internal static async Task<string> StatusAsync(HttpClient admin, string identifier) =>
        (await (await admin.GetAsync($"/api/licenses/admin/licenses/{identifier}")).JsonAsync()).GetProperty("statusCode").GetString()!;
}
