using System.Net;
using System.Net.Http.Json;
using Tongban.Kernel.Security;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Tests;

public sealed class IssueHttpTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task A_license_issued_by_hand_gets_a_verifying_identifier_and_shows_its_fields_with_the_holder_masked(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var identifier = await admin.IssueFoodLicenceAsync();
        var id = LicenseIdentifier.Parse(identifier);
        Assert.Equal((Samples.FoodLicence, Samples.Samr, 1), (id.TypeCode, id.IssuerCode, id.Version));

        var view = await (await admin.GetAsync($"/api/licenses/admin/licenses/{identifier}")).JsonAsync();
        Assert.True(view.GetProperty("signatureValid").GetBoolean());
        Assert.Equal(("01", "有效"), (view.GetProperty("statusCode").GetString(), view.GetProperty("statusZh").GetString()));
        Assert.Contains(view.GetProperty("fields").EnumerateArray(), f => f.GetProperty("labelZh").GetString() == "主体业态" && f.GetProperty("value").GetString() == "食品销售经营者");
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddYears(5).AddDays(-1), DateOnly.Parse(view.GetProperty("validUntil").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(await app.AuditOfAsync($"license:{identifier}"), e => e.Action == "licenses.issued");
    }

    [Theory, DatabaseLanes]
    public async Task Issuing_in_another_authoritys_name_or_a_type_it_does_not_issue_is_refused(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var psbAdmin = await app.LicenseAdminAsync(Samples.Psb);
        using var other = await psbAdmin.PostAsJsonAsync("/api/licenses/admin/issue", new { type = Samples.FoodLicence, issuer = Samples.Samr, holderCode = "91211221TB000001X2", holderName = "某公司" });
        Assert.Equal("license.other_authority", await other.ProblemCodeAsync(HttpStatusCode.Forbidden));
        using var notListed = await psbAdmin.PostAsJsonAsync("/api/licenses/admin/issue", new { type = Samples.FoodLicence, holderCode = "91211221TB000001X2", holderName = "某公司" });
        Assert.Equal("license.issuer_not_listed", await notListed.ProblemCodeAsync(HttpStatusCode.Forbidden));
    }

    [Theory, DatabaseLanes]
    public async Task Bad_input_names_every_fault_at_once_and_issues_nothing(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        using var response = await admin.PostAsJsonAsync("/api/licenses/admin/issue", new
        {
            type = Samples.FoodLicence, holderCode = "211221196805129013", holderName = "", issuedOn = "2099-01-01",
            fields = new Dictionary<string, string> { ["operator"] = "x", ["unknown"] = "y" },
        });
        var problem = await response.JsonAsync(HttpStatusCode.UnprocessableEntity);
        var codes = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "license.holder_name", "license.holder_kind", "form.required", "form.unknown_field", "license.issued_on" }, codes);
        Assert.Empty(await (await admin.GetAsync($"/api/licenses/admin/licenses?type={Samples.FoodLicence}")).JsonAsync() is var list
            ? list.EnumerateArray().Where(r => r.GetProperty("holderName").GetString() == "").ToList() : []);
    }

    [Theory, DatabaseLanes]
    public async Task The_lifecycle_is_suspend_restore_revoke_each_audited_and_another_authority_is_refused(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var identifier = await admin.IssueFoodLicenceAsync();
        var stranger = await app.LicenseAdminAsync(Samples.Psb, "公安证照管理员");

        Assert.Equal("license.other_authority", await (await stranger.ChangeAsync(identifier, "revoke", "越权撤销")).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/licenses/admin/licenses/{identifier}")).StatusCode);
        Assert.Equal("license.reason_required", await (await admin.ChangeAsync(identifier, "suspend", " ")).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal("license.action_unknown", await (await admin.ChangeAsync(identifier, "explode", "x")).ProblemCodeAsync(HttpStatusCode.BadRequest));

        Assert.Equal("02", (await (await admin.ChangeAsync(identifier, "suspend", "食品安全抽检不合格")).JsonAsync()).GetProperty("statusCode").GetString());
        Assert.Equal("01", (await (await admin.ChangeAsync(identifier, "restore", "整改合格")).JsonAsync()).GetProperty("statusCode").GetString());
        Assert.Equal("07", (await (await admin.ChangeAsync(identifier, "revoke-as-penalty", "行政处罚决定书铁市监罚〔2026〕12号")).JsonAsync()).GetProperty("statusCode").GetString());
        Assert.Equal("license.status_change", await (await admin.ChangeAsync(identifier, "restore", "再恢复")).ProblemCodeAsync(HttpStatusCode.Conflict));

        var audit = await app.AuditOfAsync($"license:{identifier}");
        Assert.Equal(["licenses.issued", "licenses.status_suspended", "licenses.status_valid", "licenses.status_revokedaspenalty"],
            audit.Where(e => e.Action != "licenses.viewed").Select(e => e.Action));
        Assert.Contains(audit, e => e.Details!.Contains("行政处罚决定书", StringComparison.Ordinal));
    }

    [Theory, DatabaseLanes]
    public async Task A_renewal_issues_version_002_with_the_same_serial_and_the_old_version_becomes_replaced(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var identifier = await admin.IssueFoodLicenceAsync();
        using var renewed = await admin.PostAsJsonAsync($"/api/licenses/admin/licenses/{identifier}/renew", new
        {
            kind = "change", reason = "经营项目变更", fields = new Dictionary<string, string> { ["activities"] = "预包装食品销售；散装食品销售" },
        });
        var next = (await renewed.JsonAsync(HttpStatusCode.Created)).GetProperty("identifier").GetString()!;
        var (old, nextId) = (LicenseIdentifier.Parse(identifier), LicenseIdentifier.Parse(next));
        Assert.Equal((old.Serial, 2), (nextId.Serial, nextId.Version));

        var oldView = await (await admin.GetAsync($"/api/licenses/admin/licenses/{identifier}")).JsonAsync();
        Assert.Equal(("99", next), (oldView.GetProperty("statusCode").GetString(), oldView.GetProperty("next").GetString()));
        var newView = await (await admin.GetAsync($"/api/licenses/admin/licenses/{next}")).JsonAsync();
        Assert.Equal(identifier, newView.GetProperty("previous").GetString());
        Assert.Contains(newView.GetProperty("fields").EnumerateArray(), f => f.GetProperty("value").GetString() == "预包装食品销售；散装食品销售");
        Assert.Contains(newView.GetProperty("fields").EnumerateArray(), f => f.GetProperty("value").GetString() == "食品销售经营者"); // kept from version 001
        using var again = await admin.PostAsJsonAsync($"/api/licenses/admin/licenses/{identifier}/renew", new { kind = "renewal", reason = "再次" });
        Assert.Equal("license.renewal_not_allowed", await again.ProblemCodeAsync(HttpStatusCode.Conflict));
    }
}
