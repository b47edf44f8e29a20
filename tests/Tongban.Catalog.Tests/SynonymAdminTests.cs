using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Tests;

/// <summary>The synonym dictionary: loaded from the region pack, maintained at /admin/catalog/synonyms, used by search at once.</summary>
public sealed class SynonymAdminTests(LaneApps apps)
{
    private static async Task<HttpResponseMessage> ImportAsync(HttpClient admin, string lines) =>
        await admin.PostAsync("/admin/catalog/synonyms?handler=Import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Lines"] = lines,
            ["__RequestVerificationToken"] = await TongbanApp.AntiforgeryTokenAsync(admin, "/admin/catalog/synonyms"),
        }));

    [Theory]
    [DatabaseLanes]
    public async Task The_demo_region_loads_a_dictionary_of_several_hundred_groups_that_search_uses(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        var page = await admin.GetStringAsync("/admin/catalog/synonyms?q=" + Uri.EscapeDataString("公租房"));
        var count = int.Parse(System.Text.RegularExpressions.Regex.Match(page, @"共(\d+)组").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(count, 300, 2000);
        Assert.Contains("公租房 ↔ 公共租赁住房", page, StringComparison.Ordinal);
        var result = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/catalog/search?q=" + Uri.EscapeDataString("公租房"));
        Assert.Equal("公共租赁住房资格审核", result.GetProperty("hits")[0].GetProperty("name").GetString());
    }

    [Theory]
    [DatabaseLanes]
    public async Task Pasted_groups_add_only_the_missing_ones_and_search_uses_them_at_once(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        var term = $"新叫法{lane}";
        var response = await ImportAsync(admin, $"# a comment\n公共租赁住房|公租房|廉租房|廉租住房\n\n{term}|临时居民身份证申领\n");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("added=1", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var result = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/catalog/search?q=" + Uri.EscapeDataString(term));
        Assert.Equal("临时居民身份证申领", result.GetProperty("hits")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_wrong_line_is_named_and_nothing_of_the_paste_is_added()
    {
        var app = await apps.For(DatabaseLane.Sqlite);
        var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        var before = await admin.GetStringAsync("/admin/catalog/synonyms");
        var response = await ImportAsync(admin, "另一种叫法|居民身份证换领\n户|籍\n只有一个词\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("第2行：每个词至少两个字", page, StringComparison.Ordinal);
        Assert.Contains("第3行：同义词组至少需要两个词", page, StringComparison.Ordinal);
        Assert.Equal(System.Text.RegularExpressions.Regex.Match(before, @"共\d+组").Value, System.Text.RegularExpressions.Regex.Match(await admin.GetStringAsync("/admin/catalog/synonyms"), @"共\d+组").Value);
    }
}
