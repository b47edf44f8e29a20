using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Tests;

/// <summary>The CSV form of the feed: the shipped sample imports; a bad cell is named by file, line and column.</summary>
public sealed class CsvFeedTests(LaneApps apps)
{
    private static string Sample(string file, [System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        File.ReadAllText(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "docs", "samples", "catalog-csv", file));

    private static MultipartFormDataContent Form(string items, string materials) => new()
    {
        { new StringContent(items, Encoding.UTF8, "text/csv"), "items", "items.csv" },
        { new StringContent(materials, Encoding.UTF8, "text/csv"), "materials", "materials.csv" },
    };

    [Theory]
    [DatabaseLanes]
    public async Task The_sample_imports_and_its_guide_shows_fees_places_and_materials(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        var response = await admin.PostAsync("/api/catalog/feeds/csv?partial=true", Form(Sample("items.csv"), Sample("materials.csv")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var guide = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/catalog/items/11211200025881318UCSV002");
        var elements = guide.GetProperty("elements");
        Assert.Equal("登记费", elements.GetProperty("fees")[0].GetProperty("name").GetString());
        Assert.Equal("B01", elements.GetProperty("places")[0].GetProperty("windows")[0].GetString());
        Assert.Equal(["营业执照", "广告发布登记申请表"], elements.GetProperty("materials").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(4, elements.GetProperty("onlineDepth").GetInt32());

        var again = await (await admin.PostAsync("/api/catalog/feeds/csv?partial=true", Form(Sample("items.csv"), Sample("materials.csv")))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, again.GetProperty("unchanged").GetInt32());
        Assert.Empty(again.GetProperty("warnings").EnumerateArray()); // a partial feed does not report the items it leaves out
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_bad_cell_and_an_orphan_material_are_named_and_nothing_is_applied(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        var items = Sample("items.csv").Replace("CSV001", "CSX001", StringComparison.Ordinal).Replace(",20,5,", ",20,五,", StringComparison.Ordinal);
        var materials = Sample("materials.csv").Replace("CSV002", "CSX002", StringComparison.Ordinal);
        var response = await admin.PostAsync("/api/catalog/feeds/csv", Form(items, materials));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fields = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Contains("items.csv line 2, promised_limit", fields);
        Assert.Contains("materials.csv line 4, implementation_code", fields);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/catalog/items/11211200061012195BCSX001")).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_catalog_desk_imports_the_csv_form(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        var form = Form(Sample("items.csv").Replace("CSV0", "CSD0", StringComparison.Ordinal), Sample("materials.csv").Replace("CSV0", "CSD0", StringComparison.Ordinal));
        form.Add(new StringContent("true"), "partial");
        form.Add(new StringContent(await TongbanApp.AntiforgeryTokenAsync(admin, "/admin/catalog")), "__RequestVerificationToken");
        var response = await admin.PostAsync("/admin/catalog?handler=ImportCsv", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已导入items.csv：新增2", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().GetAsync("/api/catalog/items/11211200061012195BCSD001")).StatusCode);
    }
}
