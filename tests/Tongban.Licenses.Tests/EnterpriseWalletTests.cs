using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Identifiers;
using Tongban.Registries.Contracts;

namespace Tongban.Licenses.Tests;

/// <summary>
/// An enterprise's wallet: its licenses (found by its credit code) for its legal representative and for its agents given
/// the licenses scope (查看和使用证照) — list, view, share, who used them; an agent with other scopes only sees none.
/// </summary>
public sealed partial class EnterpriseWalletTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task The_representative_and_an_agent_with_the_licenses_scope_see_and_share_the_enterprises_license_and_an_agent_without_it_does_not(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (code, name) = (NewCreditCode(), "铁岭县证照测试商贸有限公司");
        var representativeId = TestPeople.NewIdNumber();
        var representative = await app.VerifiedCitizenAsync("韩志刚", representativeId);
        await RecordInRegistryAsync(app, code, name, "韩志刚", representativeId);
        using (var claimed = await representative.PostFormAsync("/account/enterprises", "/account/enterprises?handler=Register", ("CreditCode", code), ("EnterpriseName", name)))
            Assert.Equal(HttpStatusCode.Redirect, claimed.StatusCode);
        var (withScopeId, _, withScope) = await app.RegisterCitizenAsync("杨晓东");
        var (withoutScopeId, _, withoutScope) = await app.RegisterCitizenAsync("朱海燕");
        await InviteAsync(representative, withScopeId, "licenses");
        await InviteAsync(representative, withoutScopeId, "apply", "track");
        var identifier = await (await app.LicenseAdminAsync(Samples.Samr)).IssueFoodLicenceAsync(code, name);

        foreach (var person in new[] { representative, withScope })
        {
            var list = WebUtility.HtmlDecode(await person.GetStringAsync("/my/licenses"));
            Assert.Contains($"/my/licenses/{identifier}", list, StringComparison.Ordinal);
            Assert.Contains(name, list, StringComparison.Ordinal); // the holder named beside the license
            Assert.Contains("食品经营许可证", WebUtility.HtmlDecode(await person.GetStringAsync($"/my/licenses/{identifier}")), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(identifier, await withoutScope.GetStringAsync("/my/licenses"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await withoutScope.GetAsync($"/my/licenses/{identifier}")).StatusCode);
        using (var foreignShare = await withoutScope.PostFormAsync("/my/licenses", $"/my/licenses/{identifier}?handler=Share", ("days", "3")))
            Assert.Equal(HttpStatusCode.NotFound, foreignShare.StatusCode);

        var page = $"/my/licenses/{identifier}";
        using var made = await withScope.PostFormAsync(page, $"{page}?handler=Share", ("days", "3"));
        var link = ShareLink().Match(await made.Content.ReadAsStringAsync()).Value;
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync(link)).StatusCode);
        var uses = WebUtility.HtmlDecode(await representative.GetStringAsync(page));
        Assert.Contains("通过您的分享链接查看", uses, StringComparison.Ordinal); // who used it, as the representative sees it
    }

    private static string NewCreditCode()
    {
        var first17 = "91211221" + Random.Shared.NextInt64(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);
        return first17 + CreditCode.CheckCharacter(first17);
    }

    /// <summary>An active entity in the legal-entity registry naming its representative, so the claim is verified at once (L2).</summary>
    private static async Task RecordInRegistryAsync(TongbanApp app, string code, string name, string representative, string idNumber)
    {
        var csv = "creditCode,name,entityType,legalRepresentative,address,divisionCode,status,establishedOn,businessScope,legalRepresentativeIdNumber,updatedOn\n"
            + $"{code},{name},有限责任公司,{representative},铁岭县新台子镇懿路村2号,211221101200,active,2021-01-01,预包装食品销售,{idNumber},2025-06-30\n";
        var bytes = Encoding.UTF8.GetBytes(csv);
        using var scope = app.Services.CreateScope();
        var summary = await scope.ServiceProvider.GetRequiredService<IRegistryImport>().ImportAsync(
            new RegistryImportRequest("legal-entities", $"test-{code}.csv", () => new MemoryStream(bytes), ImportFormat.Csv, "test"), null, CancellationToken.None);
        Assert.Equal(0, summary.Rejected);
    }

    private static async Task InviteAsync(HttpClient representative, string agentIdNumber, params string[] scopes)
    {
        var enterprise = EnterpriseId().Match(await representative.GetStringAsync("/account/enterprises")).Groups[1].Value;
        var expires = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var invited = await representative.PostFormAsync("/account/enterprises", "/account/enterprises?handler=Invite",
            [("EnterpriseId", enterprise), ("AgentIdNumber", agentIdNumber), ("ExpiresOn", expires), .. scopes.Select(s => ("Scopes", s))]);
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
    }

    [GeneratedRegex("name=\"EnterpriseId\" value=\"([^\"]+)\"")]
    private static partial Regex EnterpriseId();

    [GeneratedRegex("/licenses/shared/[A-Za-z0-9_-]{20,}")]
    private static partial Regex ShareLink();
}
