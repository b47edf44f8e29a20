using System.Net;
using System.Net.Http.Json;
using Tongban.Kernel.Security;

namespace Tongban.Licenses.Tests;

/// <summary>
/// The same mechanism through the API, for clients other than the pages: a draft's material and a deferred material
/// (容缺) of a case, each offered from the applicant's own licenses and given only with <c>agree</c>.
/// </summary>
public sealed partial class LicenseMaterialTests
{
    [Theory, DatabaseLanes]
    public async Task Through_the_api_a_draft_is_offered_only_her_license_and_it_attaches_only_with_her_agreement(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var idNumber = TestPeople.NewIdNumber();
        var citizen = await app.VerifiedCitizenAsync("顾春兰", idNumber);
        var psb = await app.LicenseAdminAsync(Samples.Psb);
        var mine = await psb.IssueIdCardAsync(idNumber, "顾春兰");
        var (otherId, _, other) = await app.RegisterCitizenAsync("钱建军");
        var theirs = await psb.IssueIdCardAsync(otherId, "钱建军");
        var draft = (await (await citizen.PostAsJsonAsync("/api/applications/drafts", new { itemCode = Item })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var material = $"/api/applications/drafts/{draft}/materials/id_card";

        var offered = (await (await citizen.GetAsync($"{material}/licenses")).JsonAsync()).EnumerateArray().Select(o => o.GetProperty("identifier").GetString()).ToList();
        Assert.Equal([mine], offered); // another holder's license is never offered
        Assert.Equal("material.license_consent_required",
            await (await citizen.PostAsJsonAsync($"{material}/license", new { identifier = mine })).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostAsJsonAsync($"{material}/license", new { identifier = theirs, agree = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"{material}/licenses")).StatusCode); // not her draft
        Assert.Equal("material.no_license_type",
            await (await citizen.GetAsync($"/api/applications/drafts/{draft}/materials/photo/licenses")).ProblemCodeAsync(HttpStatusCode.Conflict));

        var attached = await (await citizen.PostAsJsonAsync($"{material}/license", new { identifier = mine, agree = true })).JsonAsync();
        Assert.Equal(("License", mine), (attached.GetProperty("source").GetString(), attached.GetProperty("reference").GetString()));
        Assert.Contains("申办居住证申领：居民身份证", WebUtility.HtmlDecode(await citizen.GetStringAsync($"/my/licenses/{mine}")), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_deferred_material_is_supplied_with_her_license_through_the_api_and_the_case_no_longer_awaits_it(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var type = await PublishResidenceRegistrationTypeAsync(app);
        var idNumber = TestPeople.NewIdNumber();
        var citizen = await app.VerifiedCitizenAsync("何淑珍", idNumber);
        var identifier = await (await app.LicenseAdminAsync(Samples.Psb)).IssueAsync(new { type, holderCode = idNumber, holderName = "何淑珍" });
        var scope = new StaffScope(Samples.Psb, null, []);
        var clerk = await app.SignInAsync("窗口人员容缺", scope, Policies.WindowClerk);
        var number = (await (await clerk.PostAsJsonAsync("/api/applications/walk-ins", new
        {
            idNumber, itemCode = Item, key = Guid.NewGuid().ToString("N"), window = "A3", application = new { form = Cases.ResidenceForm, materials = Cases.ResidenceMaterials },
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("number").GetString()!;
        (await clerk.PostAsJsonAsync($"/api/applications/cases/{number}/accept-deferred",
            new { materials = new[] { "residence_proof" }, promisedBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10) })).EnsureSuccessStatusCode();
        var material = $"/api/applications/my/cases/{number}/materials/residence_proof";

        var offered = await (await citizen.GetAsync($"{material}/licenses")).JsonAsync();
        Assert.Equal(identifier, Assert.Single(offered.EnumerateArray()).GetProperty("identifier").GetString());
        Assert.Equal("material.license_consent_required",
            await (await citizen.PostAsJsonAsync($"{material}/license", new { identifier, agree = false })).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        var (_, _, other) = await app.RegisterCitizenAsync("冯建华");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"{material}/license", new { identifier, agree = true })).StatusCode);

        var view = await (await citizen.PostAsJsonAsync($"{material}/license", new { identifier, agree = true })).JsonAsync();
        Assert.Empty(view.GetProperty("expected").GetProperty("deferredMaterials").EnumerateArray());
        Assert.Equal("deferred_supplied", view.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());
        Assert.Equal("case.material_not_awaited",
            await (await citizen.PostAsJsonAsync($"{material}/license", new { identifier, agree = true })).ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Contains($"办件{number}补交容缺材料：居住登记凭证或合法稳定住所证明",
            WebUtility.HtmlDecode(await citizen.GetStringAsync($"/my/licenses/{identifier}")), StringComparison.Ordinal);
    }

    /// <summary>
    /// A 居住登记凭证 type of the public security bureau that stands in for 居住证申领's tolerable material
    /// “居住登记凭证或合法稳定住所证明”, drafted by one administrator and published by another: its code.
    /// </summary>
    private static async Task<string> PublishResidenceRegistrationTypeAsync(TongbanApp app)
    {
        const string code = Samples.Psb + "901";
        var (a, b) = (await app.SignInAsync("证照管理员登记甲", Policies.LicenseAdministrator), await app.SignInAsync("证照管理员登记乙", Policies.LicenseAdministrator));
        (await a.PostAsJsonAsync("/api/licenses/types", new
        {
            code, name = "居住登记凭证", nameEn = "Residence registration", definingDepartment = "铁岭市公安局", issuingAuthorities = new[] { Samples.Psb },
            holder = "Person", validity = new { kind = "OpenEnded" }, fields = Array.Empty<object>(), replaces = new[] { "居住登记凭证或合法稳定住所证明" },
        })).EnsureSuccessStatusCode();
        (await a.PostAsync($"/api/licenses/types/{code}/submit", null)).EnsureSuccessStatusCode();
        (await b.PostAsJsonAsync($"/api/licenses/types/{code}/publish", new { opinion = "同意发布" })).EnsureSuccessStatusCode();
        return code;
    }
}
