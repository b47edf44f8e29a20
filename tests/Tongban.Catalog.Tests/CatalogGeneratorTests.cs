using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalog.Contracts;

namespace Tongban.Catalog.Tests;

/// <summary><c>tongban seed catalog --items N</c>: the demo's basic items implemented in the counties, then the townships and villages.</summary>
public sealed class CatalogGeneratorTests(ClassLaneApps apps) : IClassFixture<ClassLaneApps>
{
    [Theory]
    [DatabaseLanes]
    public async Task Growing_the_catalog_implements_the_same_basic_items_in_the_counties_and_search_shows_each_once_with_its_places(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ICatalogImport>().GenerateAsync(1_322, "test", TestContext.Current.CancellationToken);
            Assert.Equal(800, report.Added);
        }
        var client = app.CreateClient();
        var result = await client.GetFromJsonAsync<JsonElement>("/api/catalog/search?q=" + Uri.EscapeDataString("居民身份证申领"), TestContext.Current.CancellationToken);
        var hit = result.GetProperty("hits")[0];
        Assert.Equal(("居民身份证申领", "000705001000"), (hit.GetProperty("name").GetString(), hit.GetProperty("code").GetString()));
        var places = hit.GetProperty("implementations").EnumerateArray().Select(i => (i.GetProperty("divisionName").GetString(), i.GetProperty("level").GetString())).ToList();
        Assert.Equal([("铁岭市", "市级"), ("银州区", "县级"), ("清河区", "县级")], places);
        var names = result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("name").GetString()).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        var all = await client.GetFromJsonAsync<JsonElement>("/api/catalog/items?take=1", TestContext.Current.CancellationToken);
        Assert.Equal(1_322, all.GetProperty("total").GetInt32());
    }
}
