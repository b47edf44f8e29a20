using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>Material files: checked by content and size before anything is kept, served only to the applicant and staff in scope.</summary>
// Counts every file in the store: apps of its own.
public sealed class MaterialTests(ClassApplicationsApps apps) : IClassFixture<ClassApplicationsApps>
{
    [Theory]
    [DatabaseLanes]
    public async Task An_upload_keeps_its_name_type_size_and_hash_and_a_renamed_file_shows_what_it_is(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var draft = await citizen.Client.StartDraftAsync(TestCatalog.Simple, withIdCard: false);

        var pdf = await (await citizen.Client.UploadAsync(draft, "id-card", Files.Pdf, "身份证 正反面.pdf")).JsonAsync();
        Assert.Equal(("Upload", "身份证 正反面.pdf", "application/pdf", Files.Pdf.Length, Convert.ToHexStringLower(SHA256.HashData(Files.Pdf))),
            (pdf.GetProperty("source").GetString(), pdf.GetProperty("file").GetProperty("name").GetString(), pdf.GetProperty("file").GetProperty("contentType").GetString(),
             pdf.GetProperty("file").GetProperty("size").GetInt32(), pdf.GetProperty("file").GetProperty("sha256").GetString()));
        var png = await (await citizen.Client.UploadAsync(draft, "photo", Files.Png, "photo.pdf")).JsonAsync();
        Assert.Equal(("image/png", "photo.png"), (png.GetProperty("file").GetProperty("contentType").GetString(), png.GetProperty("file").GetProperty("name").GetString()));
        (await citizen.Client.UploadAsync(draft, "photo", Files.Ofd(), "photo.ofd")).EnsureSuccessStatusCode(); // replaces the PNG

        Assert.Equal(Files.Pdf, await citizen.Client.GetByteArrayAsync($"/api/applications/drafts/{draft}/materials/id-card/file", TestContext.Current.CancellationToken));
        var saved = await (await citizen.Client.GetAsync($"/api/applications/drafts/{draft}")).JsonAsync();
        Assert.Equal(["id-card", "photo"], saved.GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("key").GetString()).Order());
        Assert.Equal(HttpStatusCode.Created, (await citizen.Client.SubmitDraftAsync(draft)).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_wrong_empty_or_too_large_file_is_refused_naming_the_material_and_nothing_is_kept(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var draft = await citizen.Client.StartDraftAsync(TestCatalog.Simple, withIdCard: false);
        var before = Evidence.StoredFileCount(app);

        var tooLarge = new byte[ApplicationsApps.MaxFileBytes + 1];
        Files.Pdf.CopyTo(tooLarge, 0);
        foreach (var (content, code) in new[] { (Files.Exe, "file.type"), (tooLarge, "file.too_large"), ([], "file.empty") })
        {
            using var response = await citizen.Client.UploadAsync(draft, "id-card", content, "scan.pdf");
            var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var error = problem.GetProperty("errors")[0];
            Assert.Equal((code, "materials.id-card"), (error.GetProperty("code").GetString(), error.GetProperty("field").GetString()));
            Assert.Contains("身份证", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, Evidence.StoredFileCount(app));
        var saved = await (await citizen.Client.GetAsync($"/api/applications/drafts/{draft}")).JsonAsync();
        Assert.Empty(saved.GetProperty("materials").EnumerateArray());
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_removed_file_is_gone_from_the_draft_and_the_store(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var draft = await citizen.Client.StartDraftAsync(TestCatalog.Simple);
        var file = $"/api/applications/drafts/{draft}/materials/id-card/file";
        Assert.Equal(HttpStatusCode.OK, (await citizen.Client.GetAsync(file)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await citizen.Client.DeleteAsync($"/api/applications/drafts/{draft}/materials/id-card")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.GetAsync(file)).StatusCode);
        Assert.Equal("case.material_missing", await (await citizen.Client.SubmitDraftAsync(draft)).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_case_file_reaches_its_applicant_and_staff_in_scope_audited_and_no_one_else(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (citizen, other) = (await app.CitizenAsync(), await app.CitizenAsync("旁人"));
        var draft = await citizen.Client.StartDraftAsync(TestCatalog.Simple);
        var number = (await (await citizen.Client.SubmitDraftAsync(draft)).JsonAsync()).GetProperty("number").GetString()!;
        var clerk = await app.SignInAsync("材料审查员", new StaffScope(TestCatalog.Department, null, []), Policies.WindowClerk);
        var stranger = await app.SignInAsync("别的部门", new StaffScope("11211200MB1234567X", null, []), Policies.WindowClerk);

        Assert.Equal(Files.Pdf, await citizen.Client.GetByteArrayAsync($"/api/applications/my/cases/{number}/materials/id-card/file", TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/applications/my/cases/{number}/materials/id-card/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/applications/drafts/{draft}/materials/id-card/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/applications/cases/{number}/materials/id-card/file")).StatusCode);
        Assert.False(await Evidence.DownloadAuditedAsync(app, number));

        using var download = await clerk.GetAsync($"/api/applications/cases/{number}/materials/id-card/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Files.Pdf, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.True(await Evidence.DownloadAuditedAsync(app, number));
        Assert.Contains("/materials/id-card/file", await clerk.GetStringAsync($"/admin/cases/{number}"), StringComparison.Ordinal);
    }
}
