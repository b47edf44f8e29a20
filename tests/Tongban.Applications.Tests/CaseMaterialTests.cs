using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>
/// Materials given on a case after submission (一次性告知, 容缺): files checked like a draft's before anything is kept,
/// registry records with consent, served to the applicant and staff in scope (audited) and to no one else.
/// </summary>
// Counts every file in the store: apps of its own.
public sealed class CaseMaterialTests(ClassApplicationsApps apps) : IClassFixture<ClassApplicationsApps>
{
    private static readonly StaffScope Department = new(TestCatalog.Department, null, []);

    [Theory]
    [DatabaseLanes]
    public async Task A_material_to_correct_is_uploaded_checked_by_content_and_the_clerk_downloads_it_audited(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (citizen, other) = (await app.CitizenAsync(), await app.CitizenAsync("旁人"));
        var clerk = await app.SignInAsync("补正窗口", Department, Policies.WindowClerk);
        var number = await citizen.Client.ApplyAsync();
        (await clerk.ActAsync(number, "request-correction", new { corrections = new[] { new { target = "photo", note = "照片模糊" } } })).EnsureSuccessStatusCode();
        var before = Evidence.StoredFileCount(app);

        using (var wrong = await citizen.Client.UploadToCaseAsync(number, "photo", Files.Exe, "photo.pdf"))
        {
            var problem = await wrong.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
            Assert.Equal(("file.type", "materials.photo"), (problem.GetProperty("errors")[0].GetProperty("code").GetString(), problem.GetProperty("errors")[0].GetProperty("field").GetString()));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.UploadToCaseAsync(number, "photo", Files.Pdf)).StatusCode);
        Assert.Equal("case.material_not_awaited", await (await citizen.Client.UploadToCaseAsync(number, "id-card", Files.Pdf)).ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Equal(before, Evidence.StoredFileCount(app)); // every refusal came before anything was kept

        var given = await (await citizen.Client.UploadToCaseAsync(number, "photo", Files.Pdf, "新照片.pdf")).JsonAsync();
        var correction = given.GetProperty("expected").GetProperty("corrections")[0];
        Assert.Equal(("photo", "新照片.pdf"), (correction.GetProperty("target").GetString(), correction.GetProperty("provided").GetProperty("file").GetProperty("name").GetString()));
        (await citizen.Client.UploadToCaseAsync(number, "photo", Files.Pdf, "再换一张.pdf")).EnsureSuccessStatusCode(); // replaces it: the first file goes
        Assert.Equal(before + 1, Evidence.StoredFileCount(app));
        (await citizen.Client.PostAsJsonAsync($"/api/applications/my/cases/{number}/resubmit", new { form = new { } })).EnsureSuccessStatusCode();

        var file = $"/api/applications/cases/{number}/materials/photo/file";
        Assert.False(await Evidence.DownloadAuditedAsync(app, number));
        Assert.Equal(Files.Pdf, await clerk.GetByteArrayAsync(file, TestContext.Current.CancellationToken));
        Assert.True(await Evidence.DownloadAuditedAsync(app, number));
        Assert.Equal("再换一张.pdf", (await clerk.CaseAsync(number)).GetProperty("materials").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "photo").GetProperty("file").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/applications/my/cases/{number}/materials/photo/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/applications/my/cases/{number}")).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_deferred_material_is_received_with_its_upload_and_a_registry_record_needs_consent(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var clerk = await app.SignInAsync("容缺窗口", Department, Policies.WindowClerk);
        var number = await citizen.Client.ApplyAsync(TestCatalog.Simple, new { form = TestCatalog.ValidForm });
        Assert.Equal("case.material_not_awaited", await (await citizen.Client.UploadToCaseAsync(number, "photo", Files.Pdf)).ProblemCodeAsync(HttpStatusCode.Conflict));
        (await clerk.ActAsync(number, "accept-deferred", new { materials = new[] { "photo" }, promisedBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10) })).EnsureSuccessStatusCode();

        var supplied = await (await citizen.Client.UploadToCaseAsync(number, "photo", Files.Png, "photo.png")).JsonAsync();
        Assert.Empty(supplied.GetProperty("expected").GetProperty("deferredMaterials").EnumerateArray());
        Assert.Equal("deferred_supplied", supplied.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());
        Assert.Equal(Files.Png, await clerk.GetByteArrayAsync($"/api/applications/cases/{number}/materials/photo/file", TestContext.Current.CancellationToken));
        Assert.Equal("case.material_not_awaited", await (await citizen.Client.UploadToCaseAsync(number, "photo", Files.Pdf)).ProblemCodeAsync(HttpStatusCode.Conflict));

        // A registry record for a material to correct: agreement first, then the registry is asked (this citizen has no record there).
        var other = await app.CitizenAsync();
        var second = await other.Client.ApplyAsync();
        (await clerk.ActAsync(second, "request-correction", new { corrections = new[] { new { target = "household", note = "请提供户口簿" } } })).EnsureSuccessStatusCode();
        var fact = $"/api/applications/my/cases/{second}/materials/household/fact";
        Assert.Equal("material.consent_required", await (await other.Client.PostAsJsonAsync(fact, new { agree = false })).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal("material.no_registry_record", await (await other.Client.PostAsJsonAsync(fact, new { agree = true })).ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Equal("case.correction_material_missing", await (await other.Client.PostAsJsonAsync($"/api/applications/my/cases/{second}/resubmit", new { form = new { } })).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_case_page_uploads_a_material_without_javascript_and_shows_a_wrong_file_refused(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var clerk = await app.SignInAsync("页面补正窗口", Department, Policies.WindowClerk);
        var number = await citizen.Client.ApplyAsync();
        (await clerk.ActAsync(number, "request-correction", new { corrections = new[] { new { target = "photo", note = "照片模糊" }, new { target = "purpose", note = "请写明用途" } } })).EnsureSuccessStatusCode();
        var page = $"/my/cases/{number}";
        var action = $"{page}?handler=Upload&key=photo";

        var html = await citizen.Client.GetStringAsync(page);
        Assert.Contains("id=\"file-photo\"", html, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", html, StringComparison.Ordinal);
        using (var wrong = await citizen.Client.PostFileAsync(page, action, "file-photo", Files.Exe, "photo.pdf"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode); // the page again, with the refusal on the material
            Assert.Contains("“照片”：", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        }
        using (var right = await citizen.Client.PostFileAsync(page, action, "file-photo", Files.Pdf, "照片.pdf"))
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("照片.pdf", WebUtility.HtmlDecode(await citizen.Client.GetStringAsync(page)), StringComparison.Ordinal);

        using (var resubmit = await citizen.Client.PostFormAsync(page, $"{page}?handler=Resubmit", ("Input.Form[purpose]", "办理营业执照")))
            Assert.Equal(HttpStatusCode.Redirect, resubmit.StatusCode);
        var @case = await clerk.CaseAsync(number);
        Assert.Equal(("Submitted", "办理营业执照"), (@case.GetProperty("status").GetString(), @case.GetProperty("form").GetProperty("purpose").GetString()));
    }
}
