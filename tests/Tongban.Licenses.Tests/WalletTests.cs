using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Tongban.Licenses.Tests;

public sealed partial class WalletTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task A_citizen_sees_her_license_with_its_qr_code_and_another_citizen_finds_it_nowhere(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (idNumber, _, holder) = await app.RegisterCitizenAsync("张秀兰");
        var identifier = await (await app.LicenseAdminAsync(Samples.Psb)).IssueResidencePermitAsync(idNumber, "张秀兰");

        var list = WebUtility.HtmlDecode(await holder.GetStringAsync("/my/licenses"));
        Assert.Contains("居住证", list, StringComparison.Ordinal);
        Assert.Contains($"/my/licenses/{identifier}", list, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await holder.GetStringAsync($"/my/licenses/{identifier}"));
        Assert.Contains("铁岭市银州区广裕街12号", page, StringComparison.Ordinal);
        Assert.Contains("有效", page, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, page, StringComparison.Ordinal); // masked even for the holder: a screen can be seen over a shoulder
        Assert.Contains($"/licenses/verify/qr?id={Uri.EscapeDataString(identifier)}", page, StringComparison.Ordinal);
        using var qr = await app.CreateClient().GetAsync($"/licenses/verify/qr?id={Uri.EscapeDataString(identifier)}");
        Assert.Equal(("image/png", (byte)0x89), (qr.Content.Headers.ContentType?.MediaType, (await qr.Content.ReadAsByteArrayAsync())[0]));

        var (_, _, other) = await app.RegisterCitizenAsync("李四");
        Assert.DoesNotContain(identifier, await other.GetStringAsync("/my/licenses"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/my/licenses/{identifier}")).StatusCode);
        using var foreignShare = await other.PostFormAsync("/my/licenses", $"/my/licenses/{identifier}?handler=Share", ("days", "7"));
        Assert.Equal(HttpStatusCode.NotFound, foreignShare.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync("/my/licenses")).StatusCode); // sign in first
    }

    [Theory, DatabaseLanes]
    public async Task A_holders_ID_number_is_sealed_in_the_license_row_and_its_signed_document_and_the_wallet_still_finds_it(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (idNumber, _, holder) = await app.RegisterCitizenAsync("赵封存");
        var identifier = await (await app.LicenseAdminAsync(Samples.Psb)).IssueResidencePermitAsync(idNumber, "赵封存");

        var row = Assert.Single(await RawSql.RowsAsync(app.Database,
            $"SELECT holder_code, holder_code_index, signed_json FROM lic_licenses WHERE identifier = '{identifier}'"));
        Assert.All(new[] { row[0], row[2] }, value => Assert.StartsWith(Kernel.PersonalData.PersonalDataProtector.Prefix, value, StringComparison.Ordinal));
        Assert.NotNull(row[1]);
        Assert.DoesNotContain(idNumber, await RawSql.TableTextAsync(app.Database, "lic_licenses"), StringComparison.Ordinal);
        Assert.Contains($"/my/licenses/{identifier}", await holder.GetStringAsync("/my/licenses"), StringComparison.Ordinal);
        var system = await app.ClientCredentialsAsync(1);
        var verified = await (await system.PostAsJsonAsync("/api/licenses/verify", new { identifier, purpose = "公积金提取核验居住证" })).JsonAsync();
        Assert.True(verified.GetProperty("signatureValid").GetBoolean()); // the seal checks over the opened document
    }

    [Theory, DatabaseLanes]
    public async Task A_share_link_shows_the_license_masked_until_revoked_and_every_use_reads_in_who_used_my_license(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (idNumber, _, holder) = await app.RegisterCitizenAsync("王丽华");
        var identifier = await (await app.LicenseAdminAsync(Samples.Psb)).IssueResidencePermitAsync(idNumber, "王丽华");
        var page = $"/my/licenses/{identifier}";

        using var made = await holder.PostFormAsync(page, $"{page}?handler=Share", ("days", "7"));
        var link = ShareLink().Match(await made.Content.ReadAsStringAsync()).Value;
        Assert.StartsWith("/licenses/shared/", link, StringComparison.Ordinal);
        var viewer = app.CreateClient();
        var shown = WebUtility.HtmlDecode(await viewer.GetStringAsync(link));
        Assert.Contains("居住证", shown, StringComparison.Ordinal);
        Assert.Contains("王**", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("王丽华", shown, StringComparison.Ordinal);
        Assert.Equal("image/png", (await viewer.GetAsync($"{link}/qr")).Content.Headers.ContentType?.MediaType);
        var system = await app.ClientCredentialsAsync(1);
        (await system.PostAsJsonAsync("/api/licenses/verify", new { identifier, purpose = "公积金提取核验居住证" })).EnsureSuccessStatusCode();

        var own = WebUtility.HtmlDecode(await holder.GetStringAsync(page));
        Assert.Contains("通过您的分享链接查看", own, StringComparison.Ordinal);
        Assert.Contains("铁岭市住房公积金管理中心", own, StringComparison.Ordinal);
        Assert.Contains("公积金提取核验居住证", own, StringComparison.Ordinal);
        Assert.Contains("已查看1次", own, StringComparison.Ordinal);
        Assert.DoesNotContain("client:", own, StringComparison.Ordinal);

        var share = ShareId().Match(own).Groups[1].Value;
        var (_, _, other) = await app.RegisterCitizenAsync("赵六");
        using var foreignRevoke = await other.PostFormAsync("/my/licenses", $"{page}?handler=Revoke", ("share", share));
        Assert.Equal(HttpStatusCode.NotFound, foreignRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(link)).StatusCode);
        using var revoked = await holder.PostFormAsync(page, $"{page}?handler=Revoke", ("share", share));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        using var gone = await viewer.GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.DoesNotContain("王**", await gone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Hostile_identifiers_tokens_and_durations_in_the_wallet_are_refused_never_a_server_error(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (idNumber, _, holder) = await app.RegisterCitizenAsync("孙桂英");
        var identifier = await (await app.LicenseAdminAsync(Samples.Psb)).IssueResidencePermitAsync(idNumber, "孙桂英");
        foreach (var input in Fuzz.Strings(identifier, mutations: 20, seed: lane == DatabaseLane.Sqlite ? 3 : 5).Where(s => s != identifier))
        {
            var escaped = Uri.EscapeDataString(input);
            if (input.Length > 0 && !input.Contains('\0')) // "/my/licenses/" is the list itself; a NUL in a path the client will not send
            {
                await Fuzz.AssertHandledAsync(await holder.GetAsync($"/my/licenses/{escaped}"), input, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity);
                await Fuzz.AssertHandledAsync(await app.CreateClient().GetAsync($"/licenses/shared/{escaped}"), input, HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
            }
            await Fuzz.AssertHandledAsync(await app.CreateClient().GetAsync($"/licenses/verify/qr?id={escaped}"), input, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity);
        }
        var page = $"/my/licenses/{identifier}";
        foreach (var days in new[] { "0", "-1", "31", "99999999999", "七", "", "1e3" })
        {
            using var refused = await holder.PostFormAsync(page, $"{page}?handler=Share", ("days", days));
            await Fuzz.AssertHandledAsync(refused, days, HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity);
            Assert.False(ShareLink().IsMatch(await refused.Content.ReadAsStringAsync()), $"a link was made for {days} days");
        }
    }

    [GeneratedRegex("/licenses/shared/[A-Za-z0-9_-]{20,}")]
    private static partial Regex ShareLink();

    [GeneratedRegex("name=\"share\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex ShareId();
}
