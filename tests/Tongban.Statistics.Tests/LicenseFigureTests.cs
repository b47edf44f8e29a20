using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Statistics.Tests;

/// <summary>
/// The license figures under the statistics roof: read through the Licenses module's contract (ILicenseFigures), by
/// department or month, on the API, the dashboard and the exports; bad input named; a department head their own only.
/// </summary>
public sealed class LicenseFigureTests(LaneApps lanes)
{
    private const string Samr = "11211200025881318U"; // 铁岭市市场监督管理局, issues 食品经营许可证 in the demo pack
    private const string FoodLicence = "11100000MB0143028R003";

    /// <summary>A 食品经营许可证 issued by hand by the market regulator's license administrator; its identifier.</summary>
    private static async Task<string> IssueAsync(TongbanApp app)
    {
        var admin = await app.SignInAsync("统计证照管理员", new StaffScope(Samr, null, []), Policies.LicenseAdministrator);
        const string Name = "铁岭县通办示范商贸有限公司";
        using var response = await admin.PostAsJsonAsync("/api/licenses/admin/issue", new
        {
            type = FoodLicence, holderCode = "91211221TB000001X2", holderName = Name,
            fields = new Dictionary<string, string>
            {
                ["operator"] = Name, ["legal_representative"] = "张建国", ["address"] = "铁岭县新台子镇懿路村88号", ["business_form"] = "食品销售经营者", ["activities"] = "预包装食品销售",
            },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("identifier").GetString()!;
    }

    private static async Task<Dictionary<string, long>> SamrAsync(HttpClient reader)
    {
        var answer = await reader.FiguresAsync("licenses?by=department");
        var row = answer.GetProperty("rows").EnumerateArray().FirstOrDefault(r => r.GetProperty("key").GetString() == Samr);
        return row.ValueKind == JsonValueKind.Undefined ? new() { ["license-issued"] = 0, ["license-verifications"] = 0 }
            : row.GetProperty("figures").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
    }

    [Theory, DatabaseLanes]
    public async Task Issuing_and_verifying_a_license_count_under_its_department_and_month(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var leader = await app.LeaderAsync();
        var before = await SamrAsync(leader);
        var monthsBefore = await leader.FiguresAsync("licenses?by=month");

        var identifier = await IssueAsync(app);
        using (var check = await app.CreateClient().GetAsync($"/licenses/verify?id={Uri.EscapeDataString(identifier)}"))
            Assert.Equal(HttpStatusCode.OK, check.StatusCode);

        var after = await SamrAsync(leader);
        Assert.Equal(before["license-issued"] + 1, after["license-issued"]);
        Assert.Equal(before["license-verifications"] + 1, after["license-verifications"]);
        var answer = await leader.FiguresAsync("licenses?by=month");
        Assert.Equal(["license-issued", "license-imported", "license-verifications", "license-uses"],
            answer.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("code").GetString()));
        var lastMonth = answer.GetProperty("rows").EnumerateArray().Last();
        Assert.Matches(@"^\d{4}年\d{1,2}月$", lastMonth.GetProperty("labelZh").GetString()!);
        Assert.True(answer.GetProperty("total").GetProperty("figures").GetProperty("license-issued").GetInt64()
            > monthsBefore.GetProperty("total").GetProperty("figures").GetProperty("license-issued").GetInt64());

        // The department head of the market regulator sees the same row, and only theirs.
        var head = await app.DepartmentHeadAsync(Samr);
        var own = await head.FiguresAsync("licenses?by=department");
        Assert.Equal([Samr], own.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("key").GetString()));
        Assert.Equal(after["license-issued"], own.GetProperty("rows")[0].GetProperty("figures").GetProperty("license-issued").GetInt64());
    }

    [Theory, DatabaseLanes]
    public async Task Bad_input_is_a_400_naming_it_and_other_departments_and_clerks_are_refused(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var leader = await app.LeaderAsync();
        foreach (var (query, field) in new[]
        {
            ("licenses?by=item", "by"), ("licenses?from=2024-02-30", "from"), ("licenses?from=2024-05-01&to=2024-04-01", "to"),
            ("licenses?department=000000000000000000", "department"), ("licenses?to=2999-01-01", "to"),
        })
        {
            using var response = await leader.GetAsync("/api/statistics/" + query);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{query}: {(int)response.StatusCode} {body}");
            var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray();
            Assert.Contains(errors, e => e.GetProperty("field").GetString() == field && e.GetProperty("zh").GetString()!.Length > 0 && e.GetProperty("en").GetString()!.Length > 0);
        }
        using (var both = await leader.GetAsync("/api/statistics/licenses?by=week&from=nope"))
        {
            var fields = JsonDocument.Parse(await both.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString());
            Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
            Assert.Contains("by", fields);
            Assert.Contains("from", fields);
        }

        var otherHead = await app.DepartmentHeadAsync(DemoDepartments.Qinghe);
        using (var another = await otherHead.GetAsync($"/api/statistics/licenses?department={Samr}"))
            Assert.Equal(HttpStatusCode.NotFound, another.StatusCode);
        using (var csv = await otherHead.GetAsync($"/statistics/export-licenses.csv?department={Samr}"))
            Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        var clerk = await app.SignInAsync("证照统计窗口人员", new StaffScope(Samr, null, []), Policies.WindowClerk);
        using (var api = await clerk.GetAsync("/api/statistics/licenses"))
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var licenseAdmin = await app.SignInAsync("证照统计管理员", new StaffScope(Samr, null, []), Policies.LicenseAdministrator);
        using (var api = await licenseAdmin.GetAsync("/api/statistics/licenses"))
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task The_dashboard_shows_the_license_section_with_chart_tables_and_exports(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        await IssueAsync(app);
        var leader = await app.LeaderAsync();

        var html = WebUtility.HtmlDecode(await leader.GetStringAsync("/statistics"));
        Assert.Contains("电子证照：签发、核验与用证", html, StringComparison.Ordinal);
        Assert.Contains("id=\"licenses-month-table\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"licenses-department-table\"", html, StringComparison.Ordinal);
        Assert.Contains("铁岭市市场监督管理局", html, StringComparison.Ordinal);
        Assert.Contains("证照核验次数", html, StringComparison.Ordinal);
        Assert.Contains("data-described-by=\"licenses-month-table\"", html, StringComparison.Ordinal); // the licenses' chart, told by its table

        using var export = await leader.GetAsync("/statistics/export-licenses.csv?by=department");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var lines = Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("分组 / Slice,Slice (English),证照签发量 / Licenses issued,历史证照入库量 / Historical licenses imported,证照核验次数 / License verifications,证照其他用证次数 / Other license uses", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("铁岭市市场监督管理局,", StringComparison.Ordinal));
        Assert.StartsWith("合计,Total,", lines[^1], StringComparison.Ordinal);

        var head = await app.DepartmentHeadAsync(Samr);
        var own = WebUtility.HtmlDecode(await head.GetStringAsync("/statistics"));
        Assert.Contains("id=\"licenses-month-table\"", own, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"licenses-department-table\"", own, StringComparison.Ordinal);
    }
}
