using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>Applying for a bundle (一件事一次办): one form, each material once, one case per item, all or none.</summary>
public sealed partial class BundleTests(ApplicationsApps apps)
{
    private static async Task<Guid> StartBundleAsync(HttpClient client, string bundle = TestBundles.Shop) =>
        (await (await client.PostAsJsonAsync("/api/applications/bundle-drafts", new { bundleCode = bundle })).JsonAsync()).GetProperty("id").GetGuid();

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, Guid draft, Dictionary<string, string>? form = null) =>
        client.PostAsJsonAsync($"/api/applications/bundle-drafts/{draft}/submit", new { form = form ?? TestBundles.ValidForm });

    private static async Task<Guid> ReadyDraftAsync(HttpClient client)
    {
        var draft = await StartBundleAsync(client);
        (await client.UploadAsync(draft, "id-card", Files.Pdf, "身份证.pdf")).EnsureSuccessStatusCode();
        (await client.UploadAsync(draft, "lease", Files.Png, "租赁合同.png")).EnsureSuccessStatusCode();
        return draft;
    }

    private static string[] Numbers(JsonElement submitted) =>
        [.. submitted.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("number").GetString()!)];

    [Theory]
    [DatabaseLanes]
    public async Task A_shared_field_is_asked_once_and_a_shared_material_uploaded_once_is_on_both_cases(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var what = await (await citizen.Client.GetAsync($"/api/applications/bundles/{TestBundles.Shop}")).JsonAsync();
        Assert.Equal(["purpose", "mobile", "area"], what.GetProperty("form").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("key").GetString()));
        Assert.Equal(["id-card", "lease"], what.GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("key").GetString()));
        Assert.Equal("经营者身份证、身份证", what.GetProperty("materials")[0].GetProperty("name").GetString());
        Assert.Equal("测试停办事项", what.GetProperty("unavailable")[0].GetProperty("name").GetString());

        var draft = await ReadyDraftAsync(citizen.Client);
        using var response = await SubmitAsync(citizen.Client, draft);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var submitted = await response.JsonAsync();

        var cases = submitted.GetProperty("cases").EnumerateArray().OrderBy(c => c.GetProperty("itemCode").GetString() == TestBundles.Permit).ToList();
        Assert.Equal([TestBundles.Licence, TestBundles.Permit], cases.Select(c => c.GetProperty("itemCode").GetString()));
        Assert.Equal(2, Numbers(submitted).Distinct().Count());
        Assert.All(cases, c => Assert.Equal((TestBundles.Shop, draft), (c.GetProperty("bundle").GetProperty("code").GetString(), c.GetProperty("bundle").GetProperty("key").GetGuid())));
        Assert.Equal([["id-card", "lease"], ["id-card"]], cases.Select(c => c.GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("key").GetString()).Order().ToArray()));
        Assert.Equal([["mobile", "purpose"], ["area", "purpose"]], cases.Select(c => c.GetProperty("form").EnumerateObject().Select(f => f.Name).Order().ToArray()));
        foreach (var number in Numbers(submitted)) // the one upload, served from each case
            Assert.Equal(Files.Pdf, await citizen.Client.GetByteArrayAsync($"/api/applications/my/cases/{number}/materials/id-card/file", TestContext.Current.CancellationToken));

        var staff = await app.SignInAsync("审查员", new StaffScope(TestBundles.OtherDepartment, null, []), Policies.Reviewer);
        var (licence, permit) = (cases[0].GetProperty("number").GetString(), cases[1].GetProperty("number").GetString());
        Assert.Equal(TestBundles.Permit, (await staff.CaseAsync(permit!)).GetProperty("itemCode").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/applications/cases/{licence}")).StatusCode); // its own department's case only
    }

    [Theory]
    [DatabaseLanes]
    public async Task When_one_items_rule_fails_no_case_is_made_and_each_field_is_named_once(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var draft = await ReadyDraftAsync(citizen.Client);

        // Eleven characters: within the licence's 50, over the permit's 10.
        using var tooLong = await SubmitAsync(citizen.Client, draft, new(TestBundles.ValidForm) { ["purpose"] = "开一家卖早点的小店铺吧" });
        Assert.Equal("form.too_long", await tooLong.ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        // Missing from both items: named once.
        using var missing = await SubmitAsync(citizen.Client, draft, new(TestBundles.ValidForm) { ["purpose"] = "" });
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").EnumerateArray().ToList();
        Assert.Single(errors, e => e.GetProperty("field").GetString() == "form.purpose");

        Assert.Empty((await citizen.Client.MyCasesAsync()).EnumerateArray());
        Assert.Equal(HttpStatusCode.Created, (await SubmitAsync(citizen.Client, draft)).StatusCode);
        Assert.Equal(2, (await citizen.Client.MyCasesAsync()).GetArrayLength());
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_repeated_submit_gives_the_same_two_cases(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var draft = await ReadyDraftAsync(citizen.Client);
        var first = Numbers(await (await SubmitAsync(citizen.Client, draft)).JsonAsync());

        using var again = await SubmitAsync(citizen.Client, draft);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first, Numbers(await again.JsonAsync()));
        Assert.Equal(first, Numbers(await (await citizen.Client.GetAsync($"/api/applications/my/bundles/{draft}")).JsonAsync()));
        Assert.Equal(2, (await citizen.Client.MyCasesAsync()).GetArrayLength());
    }

    [Theory]
    [DatabaseLanes]
    public async Task Another_citizen_cannot_read_submit_or_follow_the_bundle(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var owner = await app.CitizenAsync();
        var other = await app.CitizenAsync("他人");
        var draft = await ReadyDraftAsync(owner.Client);

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/applications/drafts/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/applications/drafts/{draft}/materials/id-card/file")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SubmitAsync(other.Client, draft)).StatusCode);
        (await SubmitAsync(owner.Client, draft)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/applications/my/bundles/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/my/bundles/{draft}/receipt")).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_highest_real_name_level_of_the_items_is_needed_and_an_unknown_bundle_is_404(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        Assert.Equal("case.real_name_level", await (await citizen.Client.PostAsJsonAsync("/api/applications/bundle-drafts", new { bundleCode = TestBundles.WithLevel3 }))
            .ProblemCodeAsync(HttpStatusCode.Forbidden)); // checked before the form, not at submit
        var draft = await StartBundleAsync(citizen.Client, TestBundles.Shop);
        Assert.Equal("bundle.not_applicable", await (await citizen.Client.PostAsJsonAsync("/api/applications/bundle-drafts", new { bundleCode = "NO-SUCH" }))
            .ProblemCodeAsync(HttpStatusCode.NotFound));
        Assert.Equal("draft.is_bundle", await (await citizen.Client.SubmitDraftAsync(draft)).ProblemCodeAsync(HttpStatusCode.Conflict));
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_page_asks_each_field_once_and_the_receipt_and_my_cases_show_every_case_of_the_bundle(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var page = $"/apply/bundle/{TestBundles.Shop}";
        var form = await citizen.Client.GetStringAsync(page);
        Assert.Single(NamePurpose().Matches(form));
        Assert.Single(FileIdCard().Matches(form));

        using var saved = await citizen.Client.PostFormAsync(page, $"{page}?handler=Save", ("Input.Form[purpose]", "开一家店"));
        var resume = saved.Headers.Location!.OriginalString;
        Assert.StartsWith($"{page}?draft=", resume, StringComparison.Ordinal);
        var draft = Regex.Match(resume, "draft=([0-9a-f-]+)").Groups[1].Value;
        foreach (var key in new[] { "id-card", "lease" })
            Assert.Equal(HttpStatusCode.Redirect, (await citizen.Client.PostFileAsync(resume, $"{page}?draft={draft}&key={key}&handler=Upload", $"file-{key}", Files.Pdf, $"{key}.pdf")).StatusCode);

        using var submitted = await citizen.Client.PostFormAsync(resume, $"{page}?draft={draft}&handler=Submit",
            [.. TestBundles.ValidForm.Select(f => ($"Input.Form[{f.Key}]", f.Value))]);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/my/bundles/{draft}/receipt", submitted.Headers.Location!.OriginalString);
        var receipt = WebUtility.HtmlDecode(await citizen.Client.GetStringAsync($"/my/bundles/{draft}/receipt"));
        var numbers = CaseNumber().Matches(receipt).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(2, numbers.Count);
        var mine = WebUtility.HtmlDecode(await citizen.Client.GetStringAsync("/my/cases"));
        Assert.All(numbers, n => Assert.Contains(n, mine, StringComparison.Ordinal));
        Assert.Equal(2, Regex.Count(mine, "一件事：开一家小店"));
    }

    [GeneratedRegex("name=\"Input.Form\\[purpose\\]\"")]
    private static partial Regex NamePurpose();

    [GeneratedRegex("name=\"file-id-card\"")]
    private static partial Regex FileIdCard();

    [GeneratedRegex(@"\d{6}-\d{8}-\d{5}")]
    private static partial Regex CaseNumber();
}
