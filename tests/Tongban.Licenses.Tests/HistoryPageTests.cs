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
    public async Task A_rejected_lines_ID_number_is_sealed_at_rest_and_the_report_and_the_correction_page_still_show_and_fix_the_line(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        // About one random ID number in a few hundred also passes the credit code's checks, and a licence for legal
        // persons reads its holder as a credit code first: take one that cannot be read so.
        var person = TestPeople.NewIdNumber();
        while (Kernel.Identifiers.CreditCode.TryParse(person, out _, out _)) person = TestPeople.NewIdNumber();
        var misplaced = TestPeople.NewIdNumber();
        var summary = await app.ImportAsync(History.Csv(
            History.Line(History.Number(), holder: person), // a person's ID number on a licence for legal persons only
            History.Line(History.Number(), issuedOn: misplaced))); // an ID number in the date's column, which the reason quotes
        Assert.Equal(2, summary.Rejected);

        // What a copy of the database shows: neither number, in any column; the line and its reasons sealed.
        var table = await RawSql.TableTextAsync(app.Database, "lic_import_rejections");
        Assert.DoesNotContain(person, table, StringComparison.Ordinal);
        Assert.DoesNotContain(misplaced, table, StringComparison.Ordinal);
        Assert.All((await RawSql.RowsAsync(app.Database, "SELECT record_json, reasons_json FROM lic_import_rejections")).SelectMany(r => r),
            value => Assert.StartsWith(Kernel.PersonalData.PersonalDataProtector.Prefix, value, StringComparison.Ordinal));

        var admin = await app.LicenseAdminAsync(Samples.Samr, "封存核对员");
        var report = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/licenses/imports/{summary.RunId}"));
        Assert.Contains("该证照只颁发给法人或其他组织", report, StringComparison.Ordinal);
        Assert.Contains("格式不正确", report, StringComparison.Ordinal);
        var rejection = (await app.RejectionsAsync(summary.RunId)).First(r => r.Record["holder_code"] == person);
        Assert.Contains($"/admin/licenses/imports/rejections/{rejection.Id}", report, StringComparison.Ordinal);

        var path = $"/admin/licenses/imports/rejections/{rejection.Id}";
        var page = await admin.GetStringAsync(path);
        Assert.Contains($"value=\"{person}\"", page, StringComparison.Ordinal); // opened for the one who corrects it
        Assert.Contains(History.CompanyName, WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var fields = rejection.Record.ToDictionary(p => $"Record[{p.Key}]", p => p.Value);
        fields["Record[holder_code]"] = History.Company;
        fields["__RequestVerificationToken"] = await TongbanApp.AntiforgeryTokenAsync(admin, path);
        using var resubmit = await admin.PostAsync($"{path}?handler=Resubmit", new FormUrlEncodedContent(fields));

        var html = await resubmit.Content.ReadAsStringAsync();
        Assert.True(resubmit.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains("correction-done", html, StringComparison.Ordinal);
        var after = await app.RejectionsAsync(summary.RunId);
        Assert.Equal(RejectionState.Resolved, after.Single(r => r.Id == rejection.Id).State);
        Assert.Single(await app.ImportedAsync(summary.RunId));
        Assert.DoesNotContain(person, await RawSql.TableTextAsync(app.Database, "lic_import_rejections"), StringComparison.Ordinal);
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
