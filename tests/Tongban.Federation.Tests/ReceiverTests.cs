using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Keys;

namespace Tongban.Federation.Tests;

/// <summary>Issue #21, bad input: the province's receiver refuses what is not a registered city's signed, well-formed push, and records it.</summary>
public sealed class ReceiverTests(Pairs pairs) : IClassFixture<Pairs>
{
    private const string Payload = "{\"caseNumber\":\"x\"}";

    [Theory, DatabaseLanes]
    public async Task An_older_version_never_overwrites_a_newer_one_and_an_equal_one_is_a_repeat(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        async Task<string> PushAsync(long version, string status)
        {
            using var response = await pair.PostAsync("/api/federation/records",
                Pair.Body(Pair.OtherCityCode, ("case", "RX-0001", version, UpChannelTests.KnownItem, $"{{\"statusCode\":\"{status}\"}}")), Pair.OtherCityCode, pair.OtherCity);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("records")[0].GetProperty("outcome").GetString()!;
        }
        Assert.Equal("stored", await PushAsync(3, "3"));
        Assert.Equal("older", await PushAsync(2, "2"));
        Assert.Equal("repeated", await PushAsync(3, "3"));
        var stored = await pair.OnProvinceAsync(db => db.Records.SingleAsync(r => r.City == Pair.OtherCityCode && r.Key == "RX-0001"));
        Assert.Equal(3, stored.Version);
        Assert.Contains("\"3\"", stored.Payload, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task City_A_cannot_overwrite_city_B_records_neither_by_naming_B_nor_by_pushing_the_same_key(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        using (var b = await pair.PostAsync("/api/federation/records", Pair.Body(Pair.OtherCityCode, ("case", "RX-0002", 1, UpChannelTests.KnownItem, "{\"of\":\"B\"}")), Pair.OtherCityCode, pair.OtherCity))
            Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        var cityKey = Keys(pair);
        // A signs with its own key but says it is B: the signature does not match B's registered key.
        using (var asB = await pair.PostAsync("/api/federation/records", Pair.Body(Pair.OtherCityCode, ("case", "RX-0002", 9, UpChannelTests.KnownItem, "{\"of\":\"A\"}")), Pair.OtherCityCode, cityKey))
            Assert.Equal(HttpStatusCode.Forbidden, asB.StatusCode);
        // A names itself on the door and B inside the body: refused.
        using (var mixed = await pair.PostAsync("/api/federation/records", Pair.Body(Pair.OtherCityCode, ("case", "RX-0002", 9, UpChannelTests.KnownItem, "{\"of\":\"A\"}")), Pair.CityCode, cityKey))
            Assert.Equal(HttpStatusCode.Forbidden, mixed.StatusCode);
        // A pushes the same key as its own: stored under A, B's untouched.
        using (var own = await pair.PostAsync("/api/federation/records", Pair.Body(Pair.CityCode, ("case", "RX-0002", 9, UpChannelTests.KnownItem, "{\"of\":\"A\"}")), Pair.CityCode, cityKey))
            Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var records = await pair.OnProvinceAsync(db => db.Records.Where(r => r.Key == "RX-0002").ToListAsync());
        Assert.Equal(1, records.Single(r => r.City == Pair.OtherCityCode).Version);
        Assert.Contains("\"B\"", records.Single(r => r.City == Pair.OtherCityCode).Payload, StringComparison.Ordinal);
        Assert.Equal(9, records.Single(r => r.City == Pair.CityCode).Version);
    }

    [Theory, DatabaseLanes]
    public async Task A_bad_signature_or_an_unknown_city_is_refused_with_a_bilingual_problem_and_recorded(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var body = Pair.Body(Pair.OtherCityCode, ("case", "RX-0003", 1, null, Payload));
        var stranger = new SigningKeys(new KeyFiles(Microsoft.Extensions.Options.Options.Create(new KeysOptions { Directory = Directory.CreateTempSubdirectory().FullName }),
            Microsoft.Extensions.Options.Options.Create(new Kernel.Data.StorageOptions()))).GetOrCreate("x", SignatureSchemes.Sm2);
        var before = await pair.OnProvinceAsync(db => db.Exchanges.CountAsync(x => x.Refusal != null));
        foreach (var (city, key, reason) in new[] { (Pair.OtherCityCode, stranger, "federation.signature"), (Pair.OtherCityCode, (SigningKey?)null, "federation.signature"), ("999999", pair.OtherCity, "federation.unknown_city") })
        {
            using var response = await pair.PostAsync("/api/federation/records", body, city, key);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(reason, problem.GetProperty("code").GetString());
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors")[0].GetProperty("zh").GetString()));
        }
        Assert.Equal(before + 3, await pair.OnProvinceAsync(db => db.Exchanges.CountAsync(x => x.Refusal != null)));
        Assert.False(await pair.OnProvinceAsync(db => db.Records.AnyAsync(r => r.Key == "RX-0003")));
    }

    [Theory, DatabaseLanes]
    public async Task A_record_of_an_item_the_province_does_not_know_is_held_with_its_reason_not_dropped(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        using var response = await pair.PostAsync("/api/federation/records",
            Pair.Body(Pair.OtherCityCode, ("case", "RX-0004", 1, "11211200000000000X00000000000000", Payload)), Pair.OtherCityCode, pair.OtherCity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"held\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await pair.OnProvinceAsync(db => db.Records.SingleAsync(r => r.Key == "RX-0004"));
        Assert.Equal("unknown_item", stored.HeldReason);
    }

    [Theory, DatabaseLanes]
    public async Task Malformed_bodies_signed_or_not_are_refused_never_a_server_error_and_nothing_is_half_written(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var valid = Pair.Body(Pair.OtherCityCode, ("case", "RX-0005", 1, null, Payload), ("rating", "RX-0005", 1, null, Payload));
        var bodies = Fuzz.Strings(valid, mutations: 60).Concat([
            valid,
            Pair.Body(Pair.OtherCityCode, ("parcel", "RX-0005", 1, null, Payload)),
            Pair.Body(Pair.OtherCityCode, ("case", "RX-0005", 0, null, Payload)),
            Pair.Body(Pair.OtherCityCode, ("case", "", 1, null, Payload)),
            Pair.Body(Pair.OtherCityCode, ("case", "RX-0005", 1, null, "[1]")),
            Pair.Body(Pair.OtherCityCode, ("case", "RX-0005", 1, null, Payload), ("case", "RX-0005", 2, null, Payload)),
            Pair.Body(Pair.OtherCityCode, ("case", "RX-0005", 1, null, Payload), ("case", new string('k', 81), 1, null, Payload)),
            "{\"city\":\"211300\",\"batch\":\"b\",\"records\":null}", "{\"city\":\"211300\",\"batch\":\"b\",\"records\":[null]}",
        ]);
        foreach (var body in bodies)
        {
            foreach (var key in new[] { pair.OtherCity, null })
            {
                using var response = await pair.PostAsync("/api/federation/records", body, Pair.OtherCityCode, key);
                if (body == valid && key is not null) continue;
                await Fuzz.AssertHandledAsync(response, body, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.OK);
                if (response.StatusCode == HttpStatusCode.OK) continue; // a mutation that is still a valid push (a changed key or payload)
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        var kept = await pair.OnProvinceAsync(db => db.Records.Where(r => r.Key == "RX-0005").Select(r => r.Kind).ToListAsync());
        Assert.Equal(["case", "rating"], kept.Order()); // the one valid push, whole; no refused batch left a part of itself
    }

    private static SigningKey Keys(Pair pair) =>
        new SigningKeys(new KeyFiles(Microsoft.Extensions.Options.Options.Create(new KeysOptions()),
            Microsoft.Extensions.Options.Options.Create(new Kernel.Data.StorageOptions { DataDirectory = pair.City.Database.DataDirectory }))).GetOrCreate("federation", SignatureSchemes.Sm2);
}
