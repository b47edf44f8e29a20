using System.Net;
using System.Net.Http.Json;

namespace Tongban.Licenses.Tests;

/// <summary>Verification takes identifiers and names from anyone: hostile ones are refused or not found, never a 500, never echoed as markup.</summary>
public sealed class VerifyFuzzTests(LaneApps lanes)
{
    // 400: the host refuses a request line with a NUL before any page sees it
    // A NUL in the address is answered by the host's "page not found" before the page runs (docs/security.md, open items).
    private static readonly HttpStatusCode[] PageAnswers = [HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest, HttpStatusCode.NotFound];
    private static readonly HttpStatusCode[] ApiAnswers = [HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity];

    [Theory, DatabaseLanes]
    public async Task Hostile_identifiers_on_the_page_are_refused_or_not_found_and_never_verify(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var identifier = await (await app.LicenseAdminAsync(Samples.Samr)).IssueFoodLicenceAsync();
        var visitor = app.Browser();
        foreach (var input in Fuzz.Strings(identifier, seed: lane == DatabaseLane.Sqlite ? 17 : 29).Where(s => s != identifier))
        {
            using var typed = await visitor.GetAsync($"/licenses/verify?id={Uri.EscapeDataString(input)}");
            await Fuzz.AssertHandledAsync(typed, input, PageAnswers);
            var html = await typed.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
            Assert.DoesNotContain("真实有效", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        }
        foreach (var name in Fuzz.Strings("铁岭县通办示范商贸有限公司", mutations: 10))
        {
            using var posted = await visitor.PostFormAsync("/licenses/verify", "/licenses/verify", ("id", identifier), ("HolderName", name));
            await Fuzz.AssertHandledAsync(posted, name, PageAnswers);
            Assert.DoesNotContain("真实有效", WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
    }

    [Theory, DatabaseLanes]
    public async Task Hostile_identifiers_purposes_and_bodies_on_the_api_get_a_problem_never_a_server_error(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var identifier = await (await app.LicenseAdminAsync(Samples.Samr)).IssueFoodLicenceAsync();
        var system = await app.ClientCredentialsAsync(0);
        foreach (var input in Fuzz.Strings(identifier, mutations: 25).Where(s => s != identifier))
        {
            using var byIdentifier = await system.PostAsJsonAsync("/api/licenses/verify", new { identifier = input, purpose = "核验" });
            await Fuzz.AssertHandledAsync(byIdentifier, input, ApiAnswers);
            Assert.NotEqual(HttpStatusCode.OK, byIdentifier.StatusCode);
            using var byPurpose = await system.PostAsJsonAsync("/api/licenses/verify", new { identifier, purpose = input, holderCode = input, withData = true });
            await Fuzz.AssertHandledAsync(byPurpose, input, [.. ApiAnswers, HttpStatusCode.Forbidden]);
        }
        foreach (var body in new[] { "", "null", "[]", "{\"identifier\":12}", "{\"withData\":\"yes\"}", "{\"identifier\":", new string('[', 5000) })
        {
            using var raw = await system.PostAsync("/api/licenses/verify", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            await Fuzz.AssertHandledAsync(raw, body, HttpStatusCode.BadRequest);
        }
    }

    [Theory, DatabaseLanes]
    public async Task Another_departments_grant_does_not_open_the_data_to_a_system_without_one(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var identifier = await (await app.LicenseAdminAsync(Samples.Samr)).IssueFoodLicenceAsync();
        var granted = lane == DatabaseLane.Sqlite ? 3 : 4;
        await Grants.GrantAsync(app, granted, ["identifier", "holderName"]);
        var withData = new { identifier, purpose = "调取数据", holderCode = "91211221TB000001X2", withData = true };
        var data = (await (await (await app.ClientCredentialsAsync(granted)).PostAsJsonAsync("/api/licenses/verify", withData)).JsonAsync()).GetProperty("data");
        Assert.Equal("铁岭县通办示范商贸有限公司", data.GetProperty("holderName").GetString());
        var outsider = await app.ClientCredentialsAsync(5);
        Assert.Equal("license.no_grant", await (await outsider.PostAsJsonAsync("/api/licenses/verify", withData)).ProblemCodeAsync(HttpStatusCode.Forbidden));
    }
}
