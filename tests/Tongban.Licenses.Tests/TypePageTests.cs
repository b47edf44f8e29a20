using System.Net;
using Tongban.Kernel.Security;

namespace Tongban.Licenses.Tests;

/// <summary>The license type pages: the list, a type in words with its template preview, and the review discipline (draft, submit, another administrator publishes or returns).</summary>
// Counts what the whole library holds: apps of its own, apart from the assembly's shared ones.
public sealed partial class TypePageTests(ClassLaneApps lanes) : IClassFixture<ClassLaneApps>
{
    private const string Discharge = "1110000003136021XB001"; // 排污许可证: no other test here issues it

    [Theory, DatabaseLanes]
    public async Task The_type_list_finds_a_type_by_name_and_names_its_department_and_holder_in_words(DatabaseLane lane)
    {
        var admin = await (await lanes.For(lane)).LicenseAdminAsync(Samples.Samr);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/licenses/types?q={Uri.EscapeDataString("食品经营")}"));

        Assert.Contains("食品经营许可证", html, StringComparison.Ordinal);
        Assert.Contains("国家市场监督管理总局", html, StringComparison.Ordinal);
        Assert.Contains("法人和其他组织", html, StringComparison.Ordinal);
        Assert.DoesNotContain("居住证", html, StringComparison.Ordinal);
        Assert.DoesNotContain("LegalPerson", html, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_type_page_names_its_issuers_and_validity_and_previews_its_template_as_a_drawing_and_a_sample_pdf(DatabaseLane lane)
    {
        var admin = await (await lanes.For(lane)).LicenseAdminAsync(Samples.Samr);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/licenses/types/{Samples.FoodLicence}"));
        using var pdf = await admin.GetAsync($"/admin/licenses/types/{Samples.FoodLicence}?handler=Preview&version=1");

        Assert.Contains("铁岭市市场监督管理局", html, StringComparison.Ordinal);
        Assert.Contains("自颁发之日起5年", html, StringComparison.Ordinal);
        Assert.Contains("id=\"template-svg\"", html, StringComparison.Ordinal);
        Assert.Contains("经营者名称", html, StringComparison.Ordinal); // a field's label, placed on the drawing and in the table
        Assert.DoesNotContain("FixedYears", html, StringComparison.Ordinal);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Theory, DatabaseLanes]
    public async Task A_draft_saved_and_submitted_on_the_page_is_refused_to_its_submitter_and_published_by_another_administrator(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (author, reviewer) = (await app.LicenseAdminAsync(Samples.Samr, "起草人"), await app.LicenseAdminAsync(Samples.Samr, "审核人"));
        var page = $"/admin/licenses/types/{Discharge}";
        var material = $"排污许可申请表{lane}";

        using var saved = await author.PostFormAsync($"{page}/edit", $"{page}/edit?handler=Submit",
            ("Input.Name", "排污许可证"), ("Input.NameEn", "Pollutant discharge permit"), ("Input.DefiningDepartment", "生态环境部"),
            ("Input.Issuers", "112112000642937543"), ("Input.Holder", "LegalPerson"), ("Input.Validity", "FixedYears"), ("Input.Years", "5"), ("Input.Replaces", material));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("待审核", WebUtility.HtmlDecode(await author.GetStringAsync(page)), StringComparison.Ordinal);

        using var own = await author.PostFormAsync(page, $"{page}?handler=Publish", ("Opinion", "自审"));
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("不能审核自己提交的版本", WebUtility.HtmlDecode(await own.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var noOpinion = await reviewer.PostFormAsync(page, $"{page}?handler=Return", ("Opinion", " "));
        Assert.Contains("退回时必须填写审核意见", WebUtility.HtmlDecode(await noOpinion.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        using var published = await reviewer.PostFormAsync(page, $"{page}?handler=Publish", ("Opinion", "同意"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var type = await (await app.CreateClient().GetAsync($"/api/licenses/types/{Discharge}")).JsonAsync();
        Assert.Contains(material, type.GetProperty("published").GetProperty("replaces").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(await app.AuditOfAsync($"license-type:{Discharge}"), a => a.Action == "licenses.type_published");
    }

    [Theory, DatabaseLanes]
    public async Task A_draft_missing_its_name_and_issuers_is_refused_on_the_form_naming_both_and_nothing_is_drafted(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var page = $"/admin/licenses/types/{Samples.BusinessLicence}";

        using var refused = await admin.PostFormAsync($"{page}/edit", $"{page}/edit", ("Input.Name", ""), ("Input.NameEn", "Business licence"),
            ("Input.DefiningDepartment", "国家市场监督管理总局"), ("Input.Holder", "LegalPerson"), ("Input.Validity", "OpenEnded"));

        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("请填写证照名称", html, StringComparison.Ordinal);
        Assert.Contains("请至少填写一个颁发机构", html, StringComparison.Ordinal);
        var type = await (await admin.GetAsync($"/api/licenses/types/{Samples.BusinessLicence}")).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, type.GetProperty("open").ValueKind);
    }

    [Theory, DatabaseLanes]
    public async Task Only_license_administrators_reach_the_type_pages(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clerk = await app.SignInAsync("窗口人员", Policies.WindowClerk);
        foreach (var path in new[] { "/admin/licenses/types", $"/admin/licenses/types/{Samples.FoodLicence}", "/admin/licenses/records" })
        {
            using var denied = await clerk.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/status/403", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }
}
