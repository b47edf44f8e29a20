using System.Net;
using System.Net.Http.Json;
using Tongban.Kernel.Security;

namespace Tongban.Licenses.Tests;

/// <summary>
/// Licenses in the paths after submission and on someone's behalf, through the same mechanism as the draft: a material a
/// correction notice names (补正), and a station agent applying for a principal who agrees in person (驿站代办).
/// </summary>
public sealed partial class LicenseMaterialTests
{
    [Theory, DatabaseLanes]
    public async Task A_correction_is_answered_with_her_license_only_once_she_agrees_and_staff_see_it_verified_after_resubmission(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var idNumber = TestPeople.NewIdNumber();
        var citizen = await app.VerifiedCitizenAsync("秦淑华", idNumber);
        var identifier = await (await app.LicenseAdminAsync(Samples.Psb)).IssueIdCardAsync(idNumber, "秦淑华");
        var number = await CorrectionOfIdCardAsync(app, idNumber);
        var mine = $"/my/cases/{number}";

        Assert.Contains("使用我的电子证照（居民身份证）", Text(await citizen.GetStringAsync(mine)), StringComparison.Ordinal);
        using (var offered = await citizen.PostFormAsync(mine, $"{mine}?handler=OfferLicense&key=id_card"))
            Assert.Equal($"{mine}?license=id_card#material-id_card", offered.Headers.Location!.OriginalString);
        Assert.Contains($"value=\"{identifier}\"", Text(await citizen.GetStringAsync($"{mine}?license=id_card")), StringComparison.Ordinal);
        using (var unticked = await citizen.PostFormAsync(mine, $"{mine}?handler=UseLicense&key=id_card", ("license-id_card", identifier)))
            Assert.Contains("请选择一张电子证照并勾选同意使用", Text(await unticked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.DoesNotContain("使用电子证照：", Text(await citizen.GetStringAsync(mine)), StringComparison.Ordinal);

        using (var used = await citizen.PostFormAsync(mine, $"{mine}?handler=UseLicense&key=id_card", ("license-id_card", identifier), ("agree-license-id_card", "true")))
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Contains("使用电子证照：居民身份证", Text(await citizen.GetStringAsync(mine)), StringComparison.Ordinal);
        (await citizen.PostAsJsonAsync($"/api/applications/my/cases/{number}/resubmit", new { form = new Dictionary<string, string>() })).EnsureSuccessStatusCode();

        var clerk = await app.SignInAsync("窗口人员秦", new StaffScope(Samples.Psb, null, []), Policies.WindowClerk);
        var casePage = Text(await clerk.GetStringAsync($"/admin/cases/{number}"));
        Assert.Contains("电子证照：居民身份证", casePage, StringComparison.Ordinal);
        Assert.Contains("使用时核验：签章有效，状态“有效”", casePage, StringComparison.Ordinal);
        Assert.Contains($"办件{number}补正：居民身份证", Text(await citizen.GetStringAsync($"/my/licenses/{identifier}")), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Someone_elses_license_offered_for_a_correction_is_not_found_and_nothing_is_given(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var idNumber = TestPeople.NewIdNumber();
        var citizen = await app.VerifiedCitizenAsync("尤美玲", idNumber);
        var (otherId, _, _) = await app.RegisterCitizenAsync("许国栋");
        var theirs = await (await app.LicenseAdminAsync(Samples.Psb)).IssueIdCardAsync(otherId, "许国栋");
        var number = await CorrectionOfIdCardAsync(app, idNumber);
        var mine = $"/my/cases/{number}";

        Assert.Contains("您没有该类型的有效电子证照", Text(await citizen.GetStringAsync($"{mine}?license=id_card")), StringComparison.Ordinal);
        using var foreign = await citizen.PostFormAsync(mine, $"{mine}?handler=UseLicense&key=id_card", ("license-id_card", theirs), ("agree-license-id_card", "true"));

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.DoesNotContain("使用电子证照：", Text(await citizen.GetStringAsync(mine)), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_station_agent_looks_up_the_principals_license_with_her_agreement_and_an_agent_elsewhere_is_refused(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var idNumber = TestPeople.NewIdNumber();
        var principal = await app.VerifiedCitizenAsync("施玉梅", idNumber);
        var identifier = await (await app.LicenseAdminAsync(Samples.Psb)).IssueIdCardAsync(idNumber, "施玉梅");
        var staff = await TestStaff.CreateAsync(app, "驿站代办员施", Policies.StationAgent, ("Input.StationKey", "tlx-xintaizi"));
        var agent = await TestStaff.SignInAsync(app, staff.IdNumber);
        using (var granted = await principal.PostFormAsync("/account/proxies", "/account/proxies?handler=Grant",
            ("AgentIdNumber", staff.IdNumber), ("AgentName", "驿站代办员施"), ("Items", Item), ("ValidUntil", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"))))
            Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var principalId = (await (await principal.GetAsync("/api/identity/me")).JsonAsync()).GetProperty("id").GetGuid();
        object Input(string key) => new
        {
            principalAccountId = principalId, itemCode = Item, key, licenses = new[] { "id_card" },
            application = new { form = Cases.ResidenceForm, materials = Cases.ResidenceMaterials.Where(m => m.Key != "id_card").ToDictionary() },
        };

        var page = Text(await (await agent.PostFormAsync("/admin/cases/agent", "/admin/cases/agent?handler=Find", ("Input.IdNumber", idNumber), ("Input.ItemCode", Item))).Content.ReadAsStringAsync());
        Assert.Contains("委托人同意调取其“居民身份证”电子证照作为“居民身份证”", page, StringComparison.Ordinal);
        var number = (await (await agent.PostAsJsonAsync("/api/applications/agent-applications", Input(Guid.NewGuid().ToString("N")))).JsonAsync(HttpStatusCode.Created))
            .GetProperty("number").GetString()!;

        var clerk = await app.SignInAsync("窗口人员施", new StaffScope(Samples.Psb, null, []), Policies.WindowClerk);
        var casePage = Text(await clerk.GetStringAsync($"/admin/cases/{number}"));
        Assert.Contains("使用时核验：签章有效，状态“有效”", casePage, StringComparison.Ordinal);
        Assert.Contains("驿站代办申办居住证申领：居民身份证（委托人当面同意）", Text(await principal.GetStringAsync($"/my/licenses/{identifier}")), StringComparison.Ordinal);
        var (onlineId, _, online) = await app.RegisterCitizenAsync("在线代办人"); // authorised too, but at no station: nobody saw the principal agree
        using (var granted = await principal.PostFormAsync("/account/proxies", "/account/proxies?handler=Grant",
            ("AgentIdNumber", onlineId), ("AgentName", "在线代办人"), ("Items", Item), ("ValidUntil", DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd"))))
            Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        using var refused = await online.PostAsJsonAsync("/api/applications/agent-applications", Input(Guid.NewGuid().ToString("N")));
        Assert.Equal("material.license_in_person_only", await refused.ProblemCodeAsync(HttpStatusCode.Forbidden));
    }

    /// <summary>A walk-in of 居住证申领 for the citizen, accepted, and a correction of its 居民身份证 requested: the case number.</summary>
    private static async Task<string> CorrectionOfIdCardAsync(TongbanApp app, string idNumber)
    {
        var scope = new StaffScope(Samples.Psb, null, []);
        var clerk = await app.SignInAsync("窗口人员补正", scope, Policies.WindowClerk);
        var walkIn = await (await clerk.PostAsJsonAsync("/api/applications/walk-ins", new
        {
            idNumber, itemCode = Item, key = Guid.NewGuid().ToString("N"), window = "A3", application = new { form = Cases.ResidenceForm, materials = Cases.ResidenceMaterials },
        })).JsonAsync(HttpStatusCode.Created);
        var number = walkIn.GetProperty("number").GetString()!;
        (await clerk.PostAsJsonAsync($"/api/applications/cases/{number}/accept", new { })).EnsureSuccessStatusCode();
        var reviewer = await app.SignInAsync("审查员补正", scope, Policies.Reviewer);
        (await reviewer.PostAsJsonAsync($"/api/applications/cases/{number}/request-correction",
            new { corrections = new[] { new { target = "id_card", note = "身份证复印件不清晰" } } })).EnsureSuccessStatusCode();
        return number;
    }
}
