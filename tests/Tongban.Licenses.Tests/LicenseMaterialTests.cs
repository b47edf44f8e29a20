using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Tongban.Kernel.Security;

namespace Tongban.Licenses.Tests;

/// <summary>
/// Licenses in place of application materials: 居住证申领's 居民身份证 (material <c>id_card</c>) is replaced by the
/// license type 居民身份证, so the applicant's valid one is offered, attached only with their agreement, checked by the
/// library and recorded in its use log; staff see the check on the case and open its face.
/// </summary>
public sealed partial class LicenseMaterialTests(LaneApps lanes)
{
    private const string Item = Cases.ResidencePermitItem;
    private const string Page = $"/apply/{Item}";

    [Theory, DatabaseLanes]
    public async Task An_applicant_is_offered_only_her_valid_license_and_it_attaches_only_once_she_agrees(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var idNumber = TestPeople.NewIdNumber();
        var citizen = await app.VerifiedCitizenAsync("周桂芳", idNumber);
        var psb = await app.LicenseAdminAsync(Samples.Psb);
        var mine = await psb.IssueIdCardAsync(idNumber, "周桂芳");
        var (otherId, _, _) = await app.RegisterCitizenAsync("吴国强");
        var theirs = await psb.IssueIdCardAsync(otherId, "吴国强");

        Assert.Contains("使用我的电子证照（居民身份证）", Text(await citizen.GetStringAsync(Page)), StringComparison.Ordinal);
        var draft = await OfferAsync(citizen);
        var offer = Text(await citizen.GetStringAsync($"{Page}?draft={draft}&license=id_card"));
        Assert.Contains($"value=\"{mine}\"", offer, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, offer, StringComparison.Ordinal); // another holder's license is never offered

        using (var unticked = await UseAsync(citizen, draft, mine, agree: false))
            Assert.Contains("请选择一张电子证照并勾选同意使用", Text(await unticked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using (var foreign = await UseAsync(citizen, draft, theirs, agree: true))
            Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode); // as if it did not exist
        using (var malformed = await UseAsync(citizen, draft, mine[..^1] + (mine[^1] == 'A' ? 'B' : 'A'), agree: true))
            Assert.Contains("校验位", Text(await malformed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain("使用电子证照：", Text(await citizen.GetStringAsync($"{Page}?draft={draft}")), StringComparison.Ordinal);
        Assert.DoesNotContain("作为申请材料使用", Text(await citizen.GetStringAsync($"/my/licenses/{mine}")), StringComparison.Ordinal); // refusals used nothing

        using (var declined = await citizen.PostFormAsync($"{Page}?draft={draft}", $"{Page}?draft={draft}&handler=DeclineLicense&key=id_card"))
            Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.DoesNotContain("使用电子证照：", Text(await citizen.GetStringAsync($"{Page}?draft={draft}")), StringComparison.Ordinal);

        using (var used = await UseAsync(citizen, draft, mine, agree: true))
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Contains("使用电子证照：居民身份证", Text(await citizen.GetStringAsync($"{Page}?draft={draft}")), StringComparison.Ordinal);
        var log = Text(await citizen.GetStringAsync($"/my/licenses/{mine}"));
        Assert.Contains("作为申请材料使用", log, StringComparison.Ordinal);
        Assert.Contains("申办居住证申领：居民身份证", log, StringComparison.Ordinal);
        Assert.Contains("铁岭市公安局", log, StringComparison.Ordinal); // the department handling the item
    }

    [Theory, DatabaseLanes]
    public async Task A_suspended_license_is_neither_offered_nor_attachable(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var idNumber = TestPeople.NewIdNumber();
        var citizen = await app.VerifiedCitizenAsync("郑丽娟", idNumber);
        var psb = await app.LicenseAdminAsync(Samples.Psb);
        var identifier = await psb.IssueIdCardAsync(idNumber, "郑丽娟");
        (await psb.ChangeAsync(identifier, "suspend", "证件挂失")).EnsureSuccessStatusCode();

        var draft = await OfferAsync(citizen);
        var offer = Text(await citizen.GetStringAsync($"{Page}?draft={draft}&license=id_card"));
        Assert.Contains("您没有该类型的有效电子证照", offer, StringComparison.Ordinal);
        Assert.DoesNotContain(identifier, offer, StringComparison.Ordinal);
        using var refused = await UseAsync(citizen, draft, identifier, agree: true);
        Assert.Contains("当前为“暂扣”，不能作为申请材料", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain("使用电子证照：", Text(await citizen.GetStringAsync($"{Page}?draft={draft}")), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_clerk_looks_up_a_walk_in_applicants_license_with_her_agreement_and_staff_see_it_verified_and_open_its_face(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var idNumber = TestPeople.NewIdNumber();
        var citizen = await app.VerifiedCitizenAsync("冯淑珍", idNumber);
        var identifier = await (await app.LicenseAdminAsync(Samples.Psb)).IssueIdCardAsync(idNumber, "冯淑珍");
        var clerk = await app.SignInAsync("窗口人员冯", new StaffScope(Samples.Psb, null, []), Policies.WindowClerk);

        var materials = Cases.ResidenceMaterials.Where(m => m.Key != "id_card").ToDictionary();
        var walkIn = await (await clerk.PostAsJsonAsync("/api/applications/walk-ins", new
        {
            idNumber, itemCode = Item, key = Guid.NewGuid().ToString("N"), window = "A2", licenses = new[] { "id_card" }, application = new { form = Cases.ResidenceForm, materials },
        })).JsonAsync(HttpStatusCode.Created);
        var number = walkIn.GetProperty("number").GetString()!;

        var casePage = Text(await clerk.GetStringAsync($"/admin/cases/{number}"));
        Assert.Contains("电子证照：居民身份证", casePage, StringComparison.Ordinal);
        Assert.Contains("使用时核验：签章有效，状态“有效”", casePage, StringComparison.Ordinal);
        Assert.Contains("申请人当面同意", casePage, StringComparison.Ordinal);
        var face = Text(await clerk.GetStringAsync($"/admin/cases/{number}/licenses/id_card"));
        Assert.Contains("北京市东城区", face, StringComparison.Ordinal); // the address, read from the signed bytes
        Assert.Contains(identifier, face, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, face, StringComparison.Ordinal); // the holder's number masked

        var log = Text(await citizen.GetStringAsync($"/my/licenses/{identifier}"));
        Assert.Contains("窗口收件申办居住证申领：居民身份证（申请人当面同意）", log, StringComparison.Ordinal);
        Assert.Contains("办件审查时核验", log, StringComparison.Ordinal);
        Assert.Contains($"审查办件{number}", log, StringComparison.Ordinal);

        var stranger = await app.SignInAsync("别部门窗口", new StaffScope(Samples.Samr, null, []), Policies.WindowClerk);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/admin/cases/{number}/licenses/id_card")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/admin/cases/{number}/licenses/residence_proof")).StatusCode); // a paper material has no face
    }

    [Theory, DatabaseLanes]
    public async Task A_walk_in_for_someone_without_a_valid_license_is_refused_and_makes_no_case(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var idNumber = TestPeople.NewIdNumber();
        await app.VerifiedCitizenAsync("褚秀云", idNumber);
        var (otherId, _, _) = await app.RegisterCitizenAsync("卫建军");
        await (await app.LicenseAdminAsync(Samples.Psb)).IssueIdCardAsync(otherId, "卫建军"); // someone else's: never looked up for her
        var clerk = await app.SignInAsync("窗口人员褚", new StaffScope(Samples.Psb, null, []), Policies.WindowClerk);
        var key = Guid.NewGuid().ToString("N");
        using var refused = await clerk.PostAsJsonAsync("/api/applications/walk-ins", new
        {
            idNumber, itemCode = Item, key, window = "A2", licenses = new[] { "id_card" }, application = new { form = Cases.ResidenceForm, materials = Cases.ResidenceMaterials },
        });
        Assert.Equal("material.no_valid_license", await refused.ProblemCodeAsync(HttpStatusCode.Conflict));
        using var notLicensed = await clerk.PostAsJsonAsync("/api/applications/walk-ins", new
        {
            idNumber, itemCode = Item, key, window = "A2", licenses = new[] { "photo" }, application = new { form = Cases.ResidenceForm, materials = Cases.ResidenceMaterials },
        });
        Assert.Equal("material.no_license_type", await notLicensed.ProblemCodeAsync(HttpStatusCode.Conflict));
    }

    [Theory, DatabaseLanes]
    public async Task Hostile_license_identifiers_posted_as_a_material_are_refused_and_attach_nothing(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var idNumber = TestPeople.NewIdNumber();
        var citizen = await app.VerifiedCitizenAsync("蒋玉兰", idNumber);
        var identifier = await (await app.LicenseAdminAsync(Samples.Psb)).IssueIdCardAsync(idNumber, "蒋玉兰");
        var draft = await OfferAsync(citizen);
        foreach (var input in Fuzz.Strings(identifier, mutations: 15, seed: lane == DatabaseLane.Sqlite ? 11 : 13).Where(s => !string.Equals(s.Trim(), identifier, StringComparison.OrdinalIgnoreCase)))
        {
            using var response = await UseAsync(citizen, draft, input, agree: true);
            await Fuzz.AssertHandledAsync(response, input, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
        }
        Assert.DoesNotContain("使用电子证照：", Text(await citizen.GetStringAsync($"{Page}?draft={draft}")), StringComparison.Ordinal);
    }

    /// <summary>Asks for the offer of <c>id_card</c> on a new draft: the draft's id.</summary>
    private static async Task<string> OfferAsync(HttpClient citizen)
    {
        using var offered = await citizen.PostFormAsync(Page, $"{Page}?handler=OfferLicense&key=id_card");
        Assert.Equal(HttpStatusCode.Redirect, offered.StatusCode);
        var location = offered.Headers.Location!.OriginalString;
        Assert.Contains("license=id_card", location, StringComparison.Ordinal);
        return DraftId().Match(location).Groups[1].Value;
    }

    private static Task<HttpResponseMessage> UseAsync(HttpClient citizen, string draft, string identifier, bool agree) =>
        citizen.PostFormAsync($"{Page}?draft={draft}", $"{Page}?draft={draft}&handler=UseLicense&key=id_card",
            [("license-id_card", identifier), .. agree ? [("agree-license-id_card", "true")] : Array.Empty<(string, string)>()]);

    private static string Text(string html) => WebUtility.HtmlDecode(html);

    [GeneratedRegex("draft=([0-9a-fA-F-]{36})")]
    private static partial Regex DraftId();
}
