using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tongban.Kernel.Web;

namespace Tongban.Halls.Tests;

/// <summary>
/// The four-level network (issue #19 item 8) on the demo pack: 1 city centre, 7 county centres and 55 township and
/// village stations offering 138 items; the list by division, a place's page with its items, "nearest to me" by choosing
/// one's county, township and village, the API. Read-only and public: nothing of anyone is shown.
/// </summary>
public sealed partial class NetworkTests(LaneApps lanes)
{
    private const string TielingCounty = "211221000000", Fanhe = "211221105000", Dalianhua = "211221105209";

    [Theory, DatabaseLanes]
    public async Task The_api_lists_every_centre_and_station_with_hours_staff_and_the_items_handled(DatabaseLane lane)
    {
        var visitor = (await lanes.For(lane)).Browser();
        var network = await visitor.GetFromJsonAsync<JsonElement>("/api/network");
        var places = network.GetProperty("places").EnumerateArray().ToList();
        var centres = places.Where(p => p.GetProperty("kind").GetString() == "centre").ToList();
        var stations = places.Where(p => p.GetProperty("kind").GetString() != "centre").ToList();
        Assert.Equal(8, centres.Count);
        Assert.Equal(55, stations.Count); // the report's 55 stations
        Assert.Equal(138, stations.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("code").GetString()).Distinct().Count());
        Assert.All(stations, s =>
        {
            Assert.InRange(s.GetProperty("staffCount").GetInt32(), 1, 3);
            Assert.StartsWith("工作日 08:30–", s.GetProperty("hours").GetString(), StringComparison.Ordinal);
            Assert.True(s.GetProperty("itemCount").GetInt32() >= 10);
            Assert.Contains(s.GetProperty("level").GetString(), new[] { "township", "village" });
        });
        var county = centres.Single(c => c.GetProperty("key").GetString() == DemoHalls.County);
        Assert.Equal("county", county.GetProperty("level").GetString());
        Assert.True(county.GetProperty("itemCount").GetInt32() > 0);
        var dalianhua = stations.Single(s => s.GetProperty("key").GetString() == "tlx-dalianhua");
        Assert.Equal("village-station", dalianhua.GetProperty("kind").GetString());
        Assert.Equal("铁岭县凡河镇大莲花村", dalianhua.GetProperty("divisionName").GetString());
        Assert.Contains(dalianhua.GetProperty("items").EnumerateArray(), i => i.GetProperty("name").GetString() == "高龄津贴申领");
        var tiers = network.GetProperty("tiers").EnumerateArray().ToDictionary(t => t.GetProperty("tier").GetString()!);
        Assert.Equal(["city", "county", "stations"], tiers.Keys);
        Assert.Equal(55, tiers["stations"].GetProperty("places").GetInt32());
        Assert.Equal(138, tiers["stations"].GetProperty("items").GetInt32());
        Assert.Equal(7, tiers["county"].GetProperty("places").GetInt32());
    }

    [Theory, DatabaseLanes]
    public async Task Nearest_to_a_village_is_its_service_point_then_its_township_station_then_the_county_and_city_centres(DatabaseLane lane)
    {
        var visitor = (await lanes.For(lane)).Browser();
        var api = await visitor.GetFromJsonAsync<JsonElement>($"/api/network?division={Dalianhua}");
        Assert.Equal("village", api.GetProperty("division").GetProperty("level").GetString());
        Assert.Equal(["tlx-dalianhua", "tlx-fanhe", DemoHalls.County, "city-centre"], api.GetProperty("nearest").EnumerateArray().Select(p => p.GetProperty("key").GetString()));

        var township = await visitor.GetFromJsonAsync<JsonElement>("/api/network?division=211221105"); // 9 digits: 凡河镇
        Assert.Equal(["tlx-fanhe", DemoHalls.County, "city-centre"], township.GetProperty("nearest").EnumerateArray().Select(p => p.GetProperty("key").GetString()));
        var within = township.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("key").GetString()).ToList();
        Assert.Contains("tlx-dalianhua", within);
        Assert.Contains("tlx-fanhe", within);
        Assert.DoesNotContain(DemoHalls.County, within);

        // The page, step by step: county, then township, then village.
        var step1 = await visitor.GetStringAsync($"/network?County={TielingCounty}");
        Assert.Contains("id=\"Township\"", step1, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Village\"", step1, StringComparison.Ordinal);
        var step3 = await visitor.GetStringAsync($"/network?County={TielingCounty}&Township={Fanhe}&Village={Dalianhua}");
        var nearest = NearestList().Match(step3).Groups[1].Value;
        Assert.Equal(["place-tlx-dalianhua", "place-tlx-fanhe", $"place-{DemoHalls.County}", "place-city-centre"], PlaceIds().Matches(nearest).Select(m => m.Groups[1].Value));
        Assert.Contains("大莲花村便民服务站", nearest, StringComparison.Ordinal);
        Assert.Contains("铁岭县凡河镇大莲花村就近办事", step3, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_village_without_a_station_is_sent_to_its_township_and_the_centres(DatabaseLane lane)
    {
        var visitor = (await lanes.For(lane)).Browser();
        var api = await visitor.GetFromJsonAsync<JsonElement>("/api/network?division=211221102200"); // 阿吉堡子村: 阿吉镇 has no station
        Assert.Equal([DemoHalls.County, "city-centre"], api.GetProperty("nearest").EnumerateArray().Select(p => p.GetProperty("key").GetString()));
        var page = await visitor.GetStringAsync($"/network?County={TielingCounty}&Township=211221102000&Village=211221102200");
        Assert.Contains("id=\"no-station\"", page, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_station_page_lists_its_items_and_the_centres_above_it_and_shows_no_codes(DatabaseLane lane)
    {
        var visitor = (await lanes.For(lane)).Browser();
        var page = await visitor.GetStringAsync("/network/stations/tlx-fanhe");
        Assert.Contains("凡河镇政务服务驿站", page, StringComparison.Ordinal);
        Assert.Contains("id=\"place-items\"", page, StringComparison.Ordinal);
        Assert.Matches("<a href=\"/items/[0-9A-Z]+\">", page);
        Assert.Contains("铁岭县公共行政服务中心", page, StringComparison.Ordinal); // the centres above it
        AssertNoCodesShown(page);
        AssertNoCodesShown(await visitor.GetStringAsync("/network"));
        AssertNoCodesShown(await visitor.GetStringAsync($"/network?County={TielingCounty}&Township={Fanhe}"));
        AssertNoCodesShown(await visitor.GetStringAsync($"/network/centres/{DemoHalls.County}"));

        using var english = await visitor.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/network") { Headers = { { "Accept-Language", "en" } } });
        Assert.Contains("Nearest to me", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using (var missing = await visitor.GetAsync("/network/stations/no-such-station")) Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using (var wrongKind = await visitor.GetAsync($"/network/stations/{DemoHalls.County}")) Assert.Equal(HttpStatusCode.NotFound, wrongKind.StatusCode);
        using (var kind = await visitor.GetAsync("/network/places/tlx-fanhe")) Assert.Equal(HttpStatusCode.NotFound, kind.StatusCode);
    }

    [Fact]
    public async Task The_home_page_and_the_hall_list_link_to_the_network()
    {
        var visitor = (await lanes.For(DatabaseLane.Sqlite)).Browser();
        Assert.Contains("href=\"/network\"", await visitor.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("href=\"/network\"", await visitor.GetStringAsync("/halls"), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Hostile_divisions_get_a_bilingual_refusal_or_an_inline_message_never_a_server_error(DatabaseLane lane)
    {
        var visitor = (await lanes.For(lane)).Browser();
        using (var bad = await visitor.GetAsync("/api/network?division=21122x"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.Content.ReadAsStringAsync();
            Assert.Contains("行政区划代码应为6、9或12位数字", problem, StringComparison.Ordinal);
        }
        using (var unknown = await visitor.GetAsync("/api/network?division=219999000000")) Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var wrongTownship = await visitor.GetStringAsync($"/network?County=211202000000&Township={Fanhe}"); // 凡河镇 is not in 银州区
        Assert.Contains("请从列表中选择本县（市、区）的乡镇（街道）", wrongTownship, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"nearest-places\"><li class=\"card network-place\" id=\"place-tlx-fanhe\"", wrongTownship, StringComparison.Ordinal);

        var seed = lane == DatabaseLane.Sqlite ? 11 : 23;
        foreach (var input in Fuzz.Strings(Dalianhua, mutations: 25, seed: seed))
        {
            using var api = await visitor.GetAsync($"/api/network?division={Uri.EscapeDataString(input)}");
            await Fuzz.AssertHandledAsync(api, input, HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
            using var page = await visitor.GetAsync($"/network?County={TielingCounty}&Township={Uri.EscapeDataString(input)}&Village={Uri.EscapeDataString(input)}");
            await Fuzz.AssertHandledAsync(page, input, HttpStatusCode.OK);
            Assert.DoesNotContain("<script>alert", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var county = await visitor.GetAsync($"/network?County={Uri.EscapeDataString(input)}");
            await Fuzz.AssertHandledAsync(county, input, HttpStatusCode.OK);
        }
        foreach (var input in Fuzz.Strings("tlx-fanhe", mutations: 15, seed: seed).Where(s => s != "tlx-fanhe" && !s.Contains('\0', StringComparison.Ordinal)))
        {
            using var station = await visitor.GetAsync($"/network/stations/{Uri.EscapeDataString(input)}");
            await Fuzz.AssertHandledAsync(station, input, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        }
    }

    /// <summary>Visible text (markup, attributes and addresses taken out) shows no division code, item code or GUID.</summary>
    private static void AssertNoCodesShown(string html)
    {
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..];
        var text = Tags().Replace(main, " ");
        Assert.DoesNotMatch(@"\b21\d{10}\b", text);
        Assert.DoesNotMatch(@"\b21\d{4}\b", text);
        Assert.DoesNotMatch(@"[0-9a-f]{8}-[0-9a-f]{4}-", text);
        Assert.DoesNotMatch(@"\b11211\d{5,}", text);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("<ol class=\"card-list\" id=\"nearest-places\"[^>]*>(.*?)</ol>", RegexOptions.Singleline)]
    private static partial Regex NearestList();

    [GeneratedRegex("<li class=\"card network-place\" id=\"([^\"]+)\"")]
    private static partial Regex PlaceIds();
}

/// <summary>The class's own apps with the statistics' figures replaced by known ones, to check how the tiers add them up.</summary>
public sealed class NetworkFigureApps : LaneApps
{
    protected override void ConfigureServices(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Scoped<INetworkFigures, KnownFigures>());

    private sealed class KnownFigures : INetworkFigures
    {
        public Task<IReadOnlyList<NetworkFigure>> AcceptedAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<NetworkFigure>>(
            [
                new("city", "online", 40), new("city", "window", 25), new("city", "station", 7), new("province", "window", 1),
                new("county", "online", 10), new("county", "window", 12), new("county", "station", 9), new("county", "mobile", 2),
                new("village", "window", 3), new("other", "window", 100),
            ]);
    }
}

/// <summary>
/// Each tier's cases accepted and trips saved from the statistics' figures (kernel <see cref="INetworkFigures"/>): the
/// centres count their level's cases not taken at a station and save the online ones; the stations count every case
/// taken at a station (and of village or township items), each a trip saved.
/// </summary>
public sealed class NetworkTierTests(NetworkFigureApps apps) : IClassFixture<NetworkFigureApps>
{
    [Theory, DatabaseLanes]
    public async Task The_tiers_add_up_the_statistics_figures_by_level_and_channel(DatabaseLane lane)
    {
        var visitor = (await apps.For(lane)).Browser();
        var network = await visitor.GetFromJsonAsync<JsonElement>("/api/network");
        var tiers = network.GetProperty("tiers").EnumerateArray().ToDictionary(t => t.GetProperty("tier").GetString()!,
            t => (t.GetProperty("accepted").GetInt64(), t.GetProperty("tripsSaved").GetInt64()));
        Assert.Equal((66L, 40L), tiers["city"]); // 40 online + 25 window + 1 province; the 7 at stations are the stations'
        Assert.Equal((24L, 12L), tiers["county"]); // 10 online + 12 window + 2 mobile
        Assert.Equal((19L, 19L), tiers["stations"]); // 7 + 9 at stations, 3 of a village's items
        var page = await visitor.GetStringAsync("/network");
        Assert.Matches("<tr id=\"tier-stations\">.*?<td[^>]*>19</td>\\s*<td[^>]*>19</td>", page.Replace("\n", " ", StringComparison.Ordinal));
    }
}
