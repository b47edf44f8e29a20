using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Security;
using Tongban.Licenses.Data;

namespace Tongban.Licenses.Tests;

public sealed class VerifyTests(LaneApps lanes)
{
    private const string Company = "91211221TB000001X2";

    [Theory, DatabaseLanes]
    public async Task The_public_page_shows_a_valid_license_with_the_holder_masked_and_records_the_check(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var identifier = await (await app.LicenseAdminAsync(Samples.Samr)).IssueFoodLicenceAsync();
        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/licenses/verify?id={Uri.EscapeDataString(identifier)}"));
        Assert.Contains("真实有效", html, StringComparison.Ordinal);
        Assert.Contains("食品经营许可证", html, StringComparison.Ordinal);
        Assert.Contains("签章验证通过", html, StringComparison.Ordinal);
        Assert.Equal(1, await UsesAsync(app, identifier, "PublicCheck"));
    }

    [Theory, DatabaseLanes]
    public async Task Typed_with_the_wrong_name_it_is_not_found_and_a_wrong_check_character_is_named(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var identifier = await (await app.LicenseAdminAsync(Samples.Samr)).IssueFoodLicenceAsync();
        var visitor = app.Browser();
        using var wrongName = await visitor.PostFormAsync("/licenses/verify", "/licenses/verify", ("id", identifier), ("HolderName", "别的公司"));
        var text = WebUtility.HtmlDecode(await wrongName.Content.ReadAsStringAsync());
        Assert.Contains("未找到该证照", text, StringComparison.Ordinal);
        Assert.DoesNotContain("食品经营许可证", text, StringComparison.Ordinal);
        using var rightName = await visitor.PostFormAsync("/licenses/verify", "/licenses/verify", ("id", identifier), ("HolderName", "铁岭县通办示范商贸有限公司"));
        Assert.Contains("真实有效", WebUtility.HtmlDecode(await rightName.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var wrongCheck = identifier[..^1] + (identifier[^1] == 'A' ? 'B' : 'A');
        using var typo = await visitor.GetAsync($"/licenses/verify?id={Uri.EscapeDataString(wrongCheck)}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, typo.StatusCode);
        Assert.Contains("校验位不正确", WebUtility.HtmlDecode(await typo.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_suspended_license_reads_suspended_and_a_tampered_one_fails_its_seal_on_page_and_api(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var (suspended, tampered) = (await admin.IssueFoodLicenceAsync(), await admin.IssueFoodLicenceAsync());
        foreach (var identifier in new[] { suspended, tampered }) // checked once while genuine and valid: the seal's outcome is kept in memory
            Assert.Contains("真实有效", WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/licenses/verify?id={Uri.EscapeDataString(identifier)}")), StringComparison.Ordinal);
        (await admin.ChangeAsync(suspended, "suspend", "抽检不合格")).EnsureSuccessStatusCode();
        Assert.Contains("暂扣", WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/licenses/verify?id={Uri.EscapeDataString(suspended)}")), StringComparison.Ordinal);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LicensesDbContext>();
            var row = await db.Licenses.SingleAsync(l => l.Identifier == tampered);
            db.Entry(row).Property(l => l.SignedJson).CurrentValue = row.SignedJson.Replace("预包装食品销售", "散装白酒销售", StringComparison.Ordinal);
            await db.SaveChangesAsync();
        }
        var page = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/licenses/verify?id={Uri.EscapeDataString(tampered)}"));
        Assert.Contains("签章验证失败", page, StringComparison.Ordinal);
        Assert.DoesNotContain("真实有效", page, StringComparison.Ordinal);
        var system = await app.ClientCredentialsAsync(0);
        var answer = await (await system.PostAsJsonAsync("/api/licenses/verify", new { identifier = tampered, purpose = "办理社保登记核验营业执照" })).JsonAsync();
        Assert.Equal((false, "SealInvalid", false), (answer.GetProperty("valid").GetBoolean(), answer.GetProperty("verdict").GetString(), answer.GetProperty("signatureValid").GetBoolean()));

        await using (var scope = app.Services.CreateAsyncScope()) // the document put back, the signature altered instead
        {
            var db = scope.ServiceProvider.GetRequiredService<LicensesDbContext>();
            var row = await db.Licenses.SingleAsync(l => l.Identifier == tampered);
            db.Entry(row).Property(l => l.SignedJson).CurrentValue = row.SignedJson.Replace("散装白酒销售", "预包装食品销售", StringComparison.Ordinal);
            db.Entry(row).Property(l => l.Signature).CurrentValue = [.. row.Signature[..^1], (byte)(row.Signature[^1] ^ 1)];
            await db.SaveChangesAsync();
        }
        Assert.Contains("签章验证失败", WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/licenses/verify?id={Uri.EscapeDataString(tampered)}")), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_department_system_verifies_without_a_grant_and_reads_data_only_with_one_each_call_logged(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var identifier = await (await app.LicenseAdminAsync(Samples.Samr)).IssueFoodLicenceAsync();
        var client = lane == DatabaseLane.Sqlite ? 1 : 2;
        var system = await app.ClientCredentialsAsync(client);

        var verified = await (await system.PostAsJsonAsync("/api/licenses/verify", new { identifier, purpose = "公积金提取核验经营许可" })).JsonAsync();
        Assert.Equal((true, "01", JsonValueKind.Null), (verified.GetProperty("valid").GetBoolean(), verified.GetProperty("statusCode").GetString(), verified.GetProperty("data").ValueKind));
        Assert.Equal("铁岭县通办示范商贸有限公司", verified.GetProperty("holderName").GetString());
        Assert.Equal("license.no_grant", await (await system.PostAsJsonAsync("/api/licenses/verify", new { identifier, purpose = "调取数据", holderCode = Company, withData = true }))
            .ProblemCodeAsync(HttpStatusCode.Forbidden));

        await Grants.GrantAsync(app, client, ["identifier", "typeName", "holderName", "fields"]);
        var data = (await (await system.PostAsJsonAsync("/api/licenses/verify", new { identifier, purpose = "调取数据", holderCode = Company, withData = true })).JsonAsync()).GetProperty("data");
        Assert.Equal(["identifier", "typeName", "holderName", "fields"], data.EnumerateObject().Select(p => p.Name));
        Assert.Equal("食品销售经营者", data.GetProperty("fields").GetProperty("business_form").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await system.PostAsJsonAsync("/api/licenses/verify", new { identifier, purpose = "调取数据", holderCode = "91110000600037341L", withData = true })).StatusCode);
        Assert.Equal("license.purpose_required", await (await system.PostAsJsonAsync("/api/licenses/verify", new { identifier })).ProblemCodeAsync(HttpStatusCode.BadRequest));
        // refused before the look-up (no grant, no purpose) reaches no license; the three look-ups are each logged
        Assert.Equal(3, await UsesAsync(app, identifier, "Verified"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient().PostAsJsonAsync("/api/licenses/verify", new { identifier, purpose = "x" })).StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task Many_checks_at_once_each_read_their_own_license_and_see_a_status_change_at_once(DatabaseLane lane)
    {
        // More checks at once than the rows' held readers (as many as cores): the rest read through readers of their own.
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        string[] licenses = [await admin.IssueFoodLicenceAsync(), await admin.IssueFoodLicenceAsync(), await admin.IssueFoodLicenceAsync()];
        async Task<(string Asked, string? Found, Features.VerifyLicense.Verdict Verdict)[]> CheckAllAsync() =>
            await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Task.Run(async () =>
            {
                await using var scope = app.Services.CreateAsyncScope();
                var verify = scope.ServiceProvider.GetRequiredService<Features.VerifyLicense.VerifyLicense>();
                var asked = licenses[i % licenses.Length];
                var result = await verify.CheckAsync(asked, null, new(Domain.UseKind.PublicCheck, "test", null, "many at once"), CancellationToken.None);
                return (asked, result.License?.Identifier, result.Verdict);
            })));
        Assert.All(await CheckAllAsync(), c => Assert.Equal((c.Asked, Features.VerifyLicense.Verdict.Valid), (c.Found!, c.Verdict)));
        (await admin.ChangeAsync(licenses[2], "suspend", "抽检不合格")).EnsureSuccessStatusCode();
        Assert.All(await CheckAllAsync(), c => Assert.Equal((c.Asked, c.Asked == licenses[2] ? Features.VerifyLicense.Verdict.Suspended : Features.VerifyLicense.Verdict.Valid), (c.Found!, c.Verdict)));
        Assert.Equal(20, await UsesAsync(app, licenses[0], "PublicCheck")); // every check logged
    }

    private static async Task<int> UsesAsync(TongbanApp app, string identifier, string kind)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensesDbContext>();
        var id = await db.Licenses.Where(l => l.Identifier == identifier).Select(l => l.Id).SingleAsync();
        return (await db.Uses.Where(u => u.LicenseId == id).ToListAsync()).Count(u => u.Kind.ToString() == kind);
    }
}
