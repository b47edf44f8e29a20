using System.Net;

namespace Tongban.Licenses.Tests;

/// <summary>Another holder's license in the wallet, another authority's license on the admin pages: not found, and nothing changes.</summary>
public sealed class CrossUserTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task Another_citizen_gets_not_found_for_the_page_pdf_and_credential_of_a_license_not_hers(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (idNumber, _, holder) = await app.RegisterCitizenAsync("钱淑芬");
        var identifier = await (await app.LicenseAdminAsync(Samples.Psb)).IssueResidencePermitAsync(idNumber, "钱淑芬");
        var (_, _, other) = await app.RegisterCitizenAsync("孙国强");

        foreach (var path in new[] { "", "/pdf", "/credential" })
        {
            Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync($"/my/licenses/{identifier}{path}")).StatusCode);
            using var answer = await other.GetAsync($"/my/licenses/{identifier}{path}");
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            Assert.DoesNotContain("钱淑芬", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(identifier, await other.GetStringAsync("/my/licenses"), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task An_administrator_of_another_authority_cannot_open_find_change_renew_or_print_a_license_and_it_stays_as_it_was(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var samr = await app.LicenseAdminAsync(Samples.Samr);
        var identifier = await samr.IssueFoodLicenceAsync();
        var psb = await app.LicenseAdminAsync(Samples.Psb);
        var page = RecordPageTests.Page(identifier);

        Assert.Equal(HttpStatusCode.NotFound, (await psb.GetAsync(page)).StatusCode);
        using var status = await psb.PostFormAsync("/admin/licenses/records", $"{page}?handler=Status", ("Status.Action", "revoke"), ("Status.Reason", "越权"));
        using var renew = await psb.PostFormAsync("/admin/licenses/records", $"{page}?handler=Renew", ("Renew.Kind", "renewal"), ("Renew.Reason", "越权"));
        using var find = await psb.PostFormAsync("/admin/licenses/records", "/admin/licenses/records?handler=Find", ("Identifier", identifier));
        using var pdf = await psb.GetAsync($"/api/licenses/admin/licenses/{identifier}/pdf");
        using var api = await psb.ChangeAsync(identifier, "suspend", "越权");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (status.StatusCode, renew.StatusCode, pdf.StatusCode));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, find.StatusCode);
        Assert.Contains("本机构没有这一证照", WebUtility.HtmlDecode(await find.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.DoesNotContain(identifier, await psb.GetStringAsync("/admin/licenses/records"), StringComparison.Ordinal);
        var view = await (await samr.GetAsync($"/api/licenses/admin/licenses/{identifier}")).JsonAsync();
        Assert.Equal(("01", 0), (view.GetProperty("statusCode").GetString(), view.GetProperty("history").GetArrayLength()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, view.GetProperty("next").ValueKind);
    }
}
