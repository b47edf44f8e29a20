using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Licenses.Tests;

public sealed class CatalogHttpTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task The_demo_region_publishes_at_least_forty_real_license_types_with_their_fields_and_issuers(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var types = await (await app.CreateClient().GetAsync("/api/licenses/types")).JsonAsync();
        var byName = types.EnumerateArray().ToDictionary(t => t.GetProperty("published").GetProperty("name").GetString()!, t => t.GetProperty("published"));
        Assert.True(byName.Count >= 40, $"{byName.Count} types");
        foreach (var name in new[] { "居民户口簿", "结婚证", "出生医学证明", "营业执照", "个体工商户营业执照", "食品经营许可证", "不动产权证书", "建设用地规划许可证",
                     "建设工程规划许可证", "建筑工程施工许可证", "社会保障卡", "残疾人证", "道路运输经营许可证", "排污许可证" })
            Assert.True(byName.ContainsKey(name), name);
        var food = byName["食品经营许可证"];
        Assert.Equal(["11211200025881318U"], food.GetProperty("issuingAuthorities").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains(food.GetProperty("fields").EnumerateArray(), f => f.GetProperty("key").GetString() == "business_form");
        Assert.Equal("FixedYears", food.GetProperty("validity").GetProperty("kind").GetString());
    }

    [Theory, DatabaseLanes]
    public async Task An_administrator_drafts_a_type_another_publishes_it_and_the_submitter_cannot(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (a, b) = (await app.SignInAsync("证照管理员甲", Policies.LicenseAdministrator), await app.SignInAsync("证照管理员乙", Policies.LicenseAdministrator));
        var code = "11100000000013338W" + (lane == DatabaseLane.Sqlite ? "901" : "902");
        var form = new
        {
            code, name = "测试资格证书", nameEn = "Test qualification", definingDepartment = "住房和城乡建设部", issuingAuthorities = new[] { "112112000879874175" },
            holder = "Person", validity = new { kind = "FixedYears", years = 3 },
            fields = new[] { new { key = "trade", labelZh = "工种", labelEn = "Trade", type = "Text", required = true } }, replaces = new[] { "测试资格证书" },
        };
        var drafted = await (await a.PostAsJsonAsync("/api/licenses/types", form)).JsonAsync();
        Assert.Equal("Draft", drafted.GetProperty("open").GetProperty("state").GetString());
        await (await a.PostAsync($"/api/licenses/types/{code}/submit", null)).JsonAsync();
        Assert.Equal("license_type.review_own", await (await a.PostAsJsonAsync($"/api/licenses/types/{code}/publish", new { opinion = "" })).ProblemCodeAsync(HttpStatusCode.Forbidden));
        var published = await (await b.PostAsJsonAsync($"/api/licenses/types/{code}/publish", new { opinion = "同意发布" })).JsonAsync();
        Assert.Equal((1, "测试资格证书"), (published.GetProperty("publishedVersion").GetInt32(), published.GetProperty("published").GetProperty("name").GetString()));
        var audit = await app.AuditOfAsync($"license-type:{code}");
        Assert.Equal(["licenses.type_drafted", "licenses.type_submitted", "licenses.type_published"], audit.Select(e => e.Action));
    }

    [Theory, DatabaseLanes]
    public async Task A_type_naming_an_unregistered_issuer_and_an_unknown_item_is_refused_with_both_named(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.SignInAsync("证照管理员丙", Policies.LicenseAdministrator);
        var form = new
        {
            code = "11100000000013338W903", name = "测试", nameEn = "Test", definingDepartment = "测试部", issuingAuthorities = new[] { "91110000600037341L" },
            holder = "Person", validity = new { kind = "OpenEnded" }, fields = Array.Empty<object>(), producedBy = new[] { "NOSUCHITEM001" },
        };
        var problem = await (await admin.PostAsJsonAsync("/api/licenses/types", form)).JsonAsync(HttpStatusCode.UnprocessableEntity);
        var codes = problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToList();
        Assert.Equal(["license_type.issuer_unknown", "license_type.item_unknown"], codes);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/licenses/types/11100000000013338W903")).StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task Someone_without_the_license_administrator_role_cannot_draft_a_type(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clerk = await app.SignInAsync("窗口人员", Policies.WindowClerk);
        using var response = await clerk.PostAsJsonAsync("/api/licenses/types", new { code = "11100000000013338W904" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory, DatabaseLanes]
    public async Task A_background_uploaded_through_the_api_is_named_in_a_drafts_template_and_anything_else_is_refused(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.SignInAsync("证照管理员丁", Policies.LicenseAdministrator);
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        var background = (await (await admin.PostAsync("/api/licenses/types/backgrounds", File(png, "bg.png"))).JsonAsync(HttpStatusCode.Created))
            .GetProperty("background").GetString()!;
        Assert.Equal("license_type.background_kind",
            await (await admin.PostAsync("/api/licenses/types/backgrounds", File("%PDF-1.7\n"u8.ToArray(), "bg.pdf"))).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal("license_type.background_missing",
            await (await admin.PostAsync("/api/licenses/types/backgrounds", new MultipartFormDataContent { { new StringContent("x"), "note" } })).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));

        object Form(string? image) => new
        {
            code = "11100000000013338W905", name = "背景测试证", nameEn = "Background test", definingDepartment = "测试部", issuingAuthorities = new[] { "112112000879874175" },
            holder = "Person", validity = new { kind = "OpenEnded" }, fields = Array.Empty<object>(),
            template = new
            {
                width = 297, height = 210, background = image, titleSize = 24, fields = new[] { new { key = "holder_name", x = 25, y = 45, fontSize = 11 } },
                seal = new { x = 225, y = 140, size = 42 }, qr = new { x = 22, y = 160, size = 32 }, identifier = new { key = "identifier", x = 60, y = 188, fontSize = 7 },
            },
        };
        Assert.Equal("license_type.background_unknown",
            await (await admin.PostAsJsonAsync("/api/licenses/types", Form("no-such-background"))).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/licenses/types/11100000000013338W905")).StatusCode); // nothing saved
        var drafted = await (await admin.PostAsJsonAsync("/api/licenses/types", Form(background))).JsonAsync();
        Assert.Equal(background, drafted.GetProperty("open").GetProperty("definition").GetProperty("template").GetProperty("background").GetString());
    }

    private static MultipartFormDataContent File(byte[] bytes, string name) => new() { { new ByteArrayContent(bytes), "file", name } };
}
