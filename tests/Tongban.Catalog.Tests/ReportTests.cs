using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Tests;

/// <summary>Statistics and the consistency report, on a catalog of the test feed alone.</summary>
public sealed class ReportTests
{
    private static async Task<(TongbanApp App, TestDatabase Database, HttpClient Admin)> StartAsync(DatabaseLane lane, JsonObject feed)
    {
        var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        var app = new TongbanApp(database);
        var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        var response = await admin.PostAsync("/api/catalog/feeds", Feeds.Content(feed));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (app, database, admin);
    }

    private static JsonObject CountyCopy(JsonObject cityItem, string suffix, Action<JsonObject> change)
    {
        var copy = cityItem.DeepClone().AsObject();
        copy["implementationCode"] = Feeds.PublicSecurity + suffix;
        copy["level"] = "县";
        copy["divisionCode"] = "211221000000";
        change(copy);
        return copy;
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_county_implementation_that_differs_from_the_city_is_reported_element_by_element(DatabaseLane lane)
    {
        var feed = Feeds.Standard();
        var city = feed["items"]![0]!.AsObject();
        var items = feed["items"]!.AsArray();
        items.Add(CountyCopy(city, "TSTC01", c => c["promisedLimit"] = 25));
        items.Add(CountyCopy(city, "TSTC02", c => c["materials"]!.AsArray().RemoveAt(1)));
        items.Add(CountyCopy(city, "TSTC03", _ => { }));
        var (app, database, admin) = await StartAsync(lane, feed);
        await using (database)
        await using (app)
        {
            var report = await admin.GetFromJsonAsync<JsonElement[]>("/api/catalog/consistency");
            var mine = report!.Where(d => d.GetProperty("basicCode").GetString() == "TST122011000").ToList();
            Assert.Equal(2, mine.Count);
            Assert.Contains(mine, d => d.GetProperty("implementation").GetString()!.EndsWith("TSTC01", StringComparison.Ordinal)
                && d.GetProperty("element").GetString() == "promisedLimit" && d.GetProperty("expected").GetString() == "20" && d.GetProperty("actual").GetString() == "25");
            Assert.Contains(mine, d => d.GetProperty("implementation").GetString()!.EndsWith("TSTC02", StringComparison.Ordinal)
                && d.GetProperty("element").GetString() == "materials" && d.GetProperty("expected").GetString() == "近期免冠照片");
            Assert.Contains("TSTC01", await admin.GetStringAsync("/admin/catalog/consistency"), StringComparison.Ordinal);
        }
    }

    [Theory]
    [DatabaseLanes]
    public async Task Statistics_count_online_handling_trips_and_compression(DatabaseLane lane)
    {
        var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using (database)
        await using (var app = new TongbanApp(database))
        {
            var client = app.CreateClient();
            var before = await client.GetFromJsonAsync<JsonElement>("/api/catalog/statistics");
            var feed = Feeds.Standard();
            var items = feed["items"]!.AsArray();
            items[0]!["trips"] = 0;
            items[3]!["onlineDepth"] = 4;
            items[3]!["statutoryLimit"] = 20;
            items[3]!["promisedLimit"] = 1;
            var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
            Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/catalog/feeds", Feeds.Content(feed))).StatusCode);
            var after = await client.GetFromJsonAsync<JsonElement>("/api/catalog/statistics");

            int Of(JsonElement stats, string department, string figure) => stats.GetProperty("byDepartment").EnumerateArray()
                .Where(r => r.GetProperty("key").GetString() == department).Select(r => r.GetProperty(figure).GetInt32()).SingleOrDefault();
            int Total(JsonElement stats, string figure) => stats.GetProperty("total").GetProperty(figure).GetInt32();
            Assert.Equal(4, Total(after, "items") - Total(before, "items"));
            Assert.Equal(4, Total(after, "onlineHandling") - Total(before, "onlineHandling"));
            Assert.Equal(1, Total(after, "zeroTrip") - Total(before, "zeroTrip"));
            Assert.Equal(4, Total(after, "atMostOneTrip") - Total(before, "atMostOneTrip"));
            Assert.Equal(1, Of(after, Feeds.PublicSecurity, "zeroTrip") - Of(before, Feeds.PublicSecurity, "zeroTrip"));
            // Three items compress 60 → 20 working days, the fourth 20 → 1.
            Assert.Equal(3 * 40 + 19, Total(after, "compressedWorkingDays") - Total(before, "compressedWorkingDays"));
            Assert.Equal(19, Of(after, Feeds.MarketRegulation, "compressedWorkingDays") - Of(before, Feeds.MarketRegulation, "compressedWorkingDays"));
            Assert.Equal(Total(after, "items"), after.GetProperty("byLevel").EnumerateArray().Sum(r => r.GetProperty("items").GetInt32()));
            Assert.Contains("网上可办率", await client.GetStringAsync("/catalog/statistics"), StringComparison.Ordinal);
        }
    }
}
