using System.Net;
using System.Net.Http.Headers;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Tests;

/// <summary>The license admin pages: statistics, imports, the quality report and the correction page, in words (no codes), by an administrator's own authority.</summary>
public sealed class HistoryPageTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task The_admin_page_shows_statistics_by_type_and_authority_names_and_an_import_is_listed(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var summary = await app.ImportAsync(History.Csv(History.Line(History.Number())));
        Assert.Equal(1, summary.Imported);
        var admin = await app.SignInAsync("证照总管理员", Tongban.Kernel.Security.Policies.LicenseAdministrator);

        var home = await admin.GetStringAsync("/admin/licenses");
        var imports = await admin.GetStringAsync("/admin/licenses/imports");

        Assert.Contains("食品经营许可证", home, StringComparison.Ordinal);
        Assert.Contains("铁岭市市场监督管理局", home, StringComparison.Ordinal);
        Assert.DoesNotContain(Samples.FoodLicence, home, StringComparison.Ordinal);
        Assert.Contains("test.csv", imports, StringComparison.Ordinal); // the file name History.ImportAsync gives
    }

    [Theory, DatabaseLanes]
    public async Task A_file_uploaded_on_the_page_leads_to_its_quality_report_naming_each_reason_and_the_record_is_corrected_on_its_page(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr, "质量管理员");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(History.Csv(History.Line(History.Number()), History.Line(History.Number(), name: "另一家商贸有限公司")));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "page-upload.csv");
        form.Add(new StringContent(await TongbanApp.AntiforgeryTokenAsync(admin, "/admin/licenses/imports")), "__RequestVerificationToken");

        using var upload = await admin.PostAsync("/admin/licenses/imports", form);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var reportPath = upload.Headers.Location!.OriginalString;
        var report = await admin.GetStringAsync(reportPath);
        Assert.Contains("持证主体名称与基础库登记的不一致", report, StringComparison.Ordinal);
        var run = Guid.Parse(reportPath[(reportPath.LastIndexOf('/') + 1)..]);
        var rejection = (await app.RejectionsAsync(run)).Single();
        Assert.Contains($"/admin/licenses/imports/rejections/{rejection.Id}", report, StringComparison.Ordinal);

        var path = $"/admin/licenses/imports/rejections/{rejection.Id}";
        var fields = rejection.Record.ToDictionary(p => $"Record[{p.Key}]", p => p.Value);
        fields["Record[holder_name]"] = History.CompanyName;
        fields["__RequestVerificationToken"] = await TongbanApp.AntiforgeryTokenAsync(admin, path);
        using var resubmit = await admin.PostAsync($"{path}?handler=Resubmit", new FormUrlEncodedContent(fields));

        var html = await resubmit.Content.ReadAsStringAsync();
        Assert.True(resubmit.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("correction-done", html, StringComparison.Ordinal);
        Assert.Equal(RejectionState.Resolved, (await app.RejectionsAsync(run)).Single().State);
        Assert.Equal(2, (await app.ImportedAsync(run)).Count);
    }

    [Theory, DatabaseLanes]
    public async Task Another_authoritys_rejected_record_is_not_found_on_the_correction_page(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var summary = await app.ImportAsync(History.Csv(History.Line(History.Number(), name: "另一家商贸有限公司")));
        var rejection = (await app.RejectionsAsync(summary.RunId)).Single();
        var psb = await app.LicenseAdminAsync(Samples.Psb);

        using var page = await psb.GetAsync($"/admin/licenses/imports/rejections/{rejection.Id}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }
}
