using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tongban.Catalog.Tests;

/// <summary>Small provincial feeds for tests, built on departments of the demo region.</summary>
internal static class Feeds
{
    public const string PublicSecurity = "11211200061012195B";
    public const string HousingFund = "12211200031892486P";
    public const string MarketRegulation = "11211200025881318U";

    public static JsonObject Item(string basicCode, string department, string suffix, string name, string? summary = null, Action<JsonObject>? change = null)
    {
        var item = new JsonObject
        {
            ["basicCode"] = basicCode,
            ["implementationCode"] = department + suffix,
            ["name"] = name,
            ["type"] = "行政确认",
            ["level"] = "市",
            ["divisionCode"] = "211200000000",
            ["departmentCreditCode"] = department,
            ["legalBasis"] = "《中华人民共和国居民身份证法》第八条",
            ["subjects"] = new JsonArray("person"),
            ["themes"] = new JsonArray("户籍办理"),
            ["lifeEvents"] = new JsonArray(),
            ["statutoryLimit"] = 60,
            ["promisedLimit"] = 20,
            ["fees"] = new JsonArray(),
            ["materials"] = new JsonArray(
                new JsonObject { ["name"] = "居民户口簿", ["required"] = "required", ["form"] = "original", ["copies"] = 1, ["medium"] = "paper", ["registryFact"] = "population.household" },
                new JsonObject { ["name"] = "近期免冠照片", ["required"] = "required", ["form"] = "original", ["copies"] = 2, ["medium"] = "either", ["tolerable"] = true }),
            ["trips"] = 1,
            ["onlineDepth"] = 3,
            ["places"] = new JsonArray(new JsonObject { ["hall"] = "city-centre", ["windows"] = new JsonArray("C05"), ["hours"] = "法定工作日 8:30-17:00" }),
            ["steps"] = new JsonArray("申请", "受理", "审查", "决定"),
            ["consultationPhone"] = "024-72000000",
            ["complaintPhone"] = "12345",
            ["realNameLevel"] = 2,
            ["summary"] = summary,
        };
        change?.Invoke(item);
        return item;
    }

    /// <summary>
    /// Four items and a bundle of two of them. Tests that change what they import pass their own
    /// three-letter <paramref name="tag"/>, so their codes differ from every other test's: the tests of
    /// a class share one database and run in any order.
    /// </summary>
    public static JsonObject Standard(string tag = "TST") => Feed(
        Bundle(tag, "迁入落户", $"{tag}122012000", $"{tag}122011000"),
        Item($"{tag}122011000", PublicSecurity, $"{tag}001", "居民身份证申领", "年满十六周岁的中国公民申领居民身份证。"),
        Item($"{tag}122012000", PublicSecurity, $"{tag}002", "户口迁移（迁入）", "因工作、婚姻等原因将户口迁入本市。"),
        Item($"{tag}108001000", HousingFund, $"{tag}003", "住房公积金提取（租房）", "职工租住住房时提取住房公积金。", i => i["subjects"] = new JsonArray("person")),
        Item($"{tag}101001000", MarketRegulation, $"{tag}004", "企业设立登记", "设立有限责任公司等企业，领取营业执照。", i =>
        {
            i["subjects"] = new JsonArray("legal-person");
            i["type"] = "行政许可";
        }));

    public static JsonObject Feed(params JsonObject[] items) => Feed(Bundle("TST", "迁入落户", "TST122012000", "TST122011000"), items);

    private static JsonObject Feed(JsonObject bundle, params JsonObject[] items) => new()
    {
        ["feed"] = "test-feed",
        ["issuedAt"] = "2026-01-01",
        ["items"] = new JsonArray([.. items]),
        ["bundles"] = new JsonArray(bundle),
    };

    private static JsonObject Bundle(string tag, string name, params string[] basicCodes) => new()
    {
        ["code"] = tag == "TST" ? "LE-TEST" : $"LE-{tag}",
        ["name"] = name,
        ["subjects"] = new JsonArray("person"),
        ["summary"] = "迁入并办理身份证",
        ["items"] = new JsonArray([.. basicCodes.Select(c => (JsonNode)c)]),
    };

    /// <summary>Drafts <paramref name="item"/> through the API, submits it and has it approved: published from today.</summary>
    public static async Task PublishAsync(HttpClient admin, HttpClient reviewer, JsonObject item)
    {
        var code = item["implementationCode"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/catalog/items", new StringContent(item.ToJsonString(), System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/catalog/items/{code}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/catalog/items/{code}/approve", new { opinion = "合法" })).StatusCode);
    }

    public static StringContent Content(JsonObject feed) => new(feed.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), System.Text.Encoding.UTF8, "application/json");
}
