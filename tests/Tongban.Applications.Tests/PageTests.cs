using System.Net;
using System.Text.RegularExpressions;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>The pages, driven as a browser without JavaScript would: plain forms and redirects.</summary>
public sealed partial class PageTests(ApplicationsApps apps)
{
    [Theory]
    [DatabaseLanes]
    public async Task A_citizen_saves_a_draft_is_told_which_field_is_missing_then_submits_and_gets_a_receipt(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var page = $"/apply/{TestCatalog.Simple}";
        var form = await citizen.Client.GetStringAsync(page);
        Assert.Contains("for=\"form-purpose\"", form, StringComparison.Ordinal);
        Assert.Contains("name=\"file-photo\"", form, StringComparison.Ordinal);

        using var saved = await citizen.Client.PostFormAsync(page, $"{page}?handler=Save", ("Input.Form[mailing]", "maybe"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var resume = saved.Headers.Location!.OriginalString;
        Assert.Contains("draft=", resume, StringComparison.Ordinal);
        var draft = Regex.Match(resume, "draft=([0-9a-f-]+)").Groups[1].Value;
        using var uploaded = await citizen.Client.PostFileAsync(resume, $"{page}?draft={draft}&key=id-card&handler=Upload", "file-id-card", Files.Pdf, "身份证.pdf");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var resumed = WebUtility.HtmlDecode(await citizen.Client.GetStringAsync(resume));
        Assert.Contains($"/api/applications/drafts/{draft}/materials/id-card/file\">身份证.pdf</a>", resumed, StringComparison.Ordinal);
        using var refusedFile = await citizen.Client.PostFileAsync(resume, $"{page}?draft={draft}&key=photo&handler=Upload", "file-photo", Files.Exe, "photo.jpg");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedFile.StatusCode);
        Assert.Contains("<span class=\"field-error\">“照片”：只接受PDF", WebUtility.HtmlDecode(await refusedFile.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);

        using var refused = await citizen.Client.PostFormAsync(resume, $"{page}?draft={draft}&handler=Submit", ("Input.Form[mailing]", "maybe"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var shown = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("<span class=\"field-error\">请填写“申请事由”</span>", shown, StringComparison.Ordinal); // beside its input, not only in the summary
        Assert.Contains("<span class=\"field-error\">“邮寄结果”应选择“是”或“否”</span>", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("/my/cases/", await citizen.Client.GetStringAsync("/my/cases"), StringComparison.Ordinal); // no case, only the draft

        using var submitted = await citizen.Client.PostFormAsync(resume, $"{page}?draft={draft}&handler=Submit", ("Input.Form[purpose]", "页面申请"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var receipt = WebUtility.HtmlDecode(await citizen.Client.GetStringAsync(submitted.Headers.Location!.OriginalString));
        var number = NumberPattern().Match(receipt).Value;
        Assert.Contains("申请回执", receipt, StringComparison.Ordinal);
        Assert.Contains(ResidentIdNumber.Mask(citizen.IdNumber), receipt, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.IdNumber, receipt, StringComparison.Ordinal);
        Assert.Contains(number, await citizen.Client.GetStringAsync("/my/cases"), StringComparison.Ordinal);
        Assert.Contains("受理后开始计时", WebUtility.HtmlDecode(await citizen.Client.GetStringAsync($"/my/cases/{number}")), StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_clerk_finds_the_case_on_the_workbench_and_accepts_it_from_its_page(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var number = await citizen.Client.ApplyAsync();
        var clerk = await app.SignInAsync("窗口页面", new StaffScope(TestCatalog.Department, null, []), Policies.WindowClerk);

        Assert.Contains(number, await clerk.GetStringAsync($"/admin/cases?Filter.Number={number}"), StringComparison.Ordinal); // the department's queue is shared with other classes' cases
        var casePage = $"/admin/cases/{number}";
        Assert.Contains("act=accept", await clerk.GetStringAsync(casePage), StringComparison.Ordinal);
        using var accepted = await clerk.PostFormAsync(casePage, $"{casePage}?act=accept");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var after = WebUtility.HtmlDecode(await clerk.GetStringAsync(casePage));
        Assert.Contains("办理中", after, StringComparison.Ordinal);
        Assert.Contains("剩余", after, StringComparison.Ordinal);

        using var again = await clerk.PostFormAsync(casePage, $"{casePage}?act=accept");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("只有待受理的办件可以受理", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_walk_in_page_shows_the_applicant_masked_and_registers_the_case(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync("窗口来人");
        var clerk = await app.SignInAsync("窗口收件员", Policies.WindowClerk);
        const string page = "/admin/cases/walk-in";
        using var found = await clerk.PostFormAsync(page, $"{page}?handler=Find", ("Input.IdNumber", citizen.IdNumber), ("Input.ItemCode", TestCatalog.Simple), ("Input.Key", "k1"));
        var html = WebUtility.HtmlDecode(await found.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains($"窗口来人 {ResidentIdNumber.Mask(citizen.IdNumber)}", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Application.Form[purpose]\"", html, StringComparison.Ordinal);

        using var registered = await clerk.PostFormAsync(page, $"{page}?handler=Submit", ("Input.IdNumber", citizen.IdNumber), ("Input.ItemCode", TestCatalog.Simple), ("Input.Key", Guid.NewGuid().ToString("N")),
            ("Input.Application.Form[purpose]", "窗口申请"), ("Input.Application.Materials[id-card]", "paper:id"), ("Input.Application.Materials[photo]", "paper:photo"));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Contains($"{ResidentIdNumber.Mask(citizen.IdNumber)} · 窗口收件", WebUtility.HtmlDecode(await clerk.GetStringAsync(registered.Headers.Location!.OriginalString)), StringComparison.Ordinal); // the channel in words, not its key
    }

    [GeneratedRegex(@"\d{6}-\d{8}-\d{5}")]
    private static partial Regex NumberPattern();
}
