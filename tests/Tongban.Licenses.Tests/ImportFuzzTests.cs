using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Tests;

/// <summary>
/// Historical files full of garbage — random bytes, huge cells, another encoding, mangled codes and dates, lines that are
/// not JSON — seeded per lane: every good line is imported sealed, every other line is a named rejection, nothing is half
/// written (lines = imported + rejected), and neither the page nor the API answers with a server error.
/// </summary>
public sealed class ImportFuzzTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task A_csv_of_garbage_between_good_lines_imports_exactly_the_good_ones_and_names_every_other(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var random = new Random(lane == DatabaseLane.Sqlite ? 41 : 43);
        var (good, lines) = (new List<string>(), new List<byte[]>());
        for (var i = 0; i < 30; i++)
        {
            var number = History.Number();
            good.Add(number);
            lines.Add(Encoding.UTF8.GetBytes(History.Line(number)));
            lines.Add(Garbage(random));
        }
        var file = Join([Encoding.UTF8.GetBytes(History.Header), .. lines]);

        var summary = await app.ImportAsync(file);

        await AssertOnlyGoodImportedAsync(app, summary, good);
        Assert.Equal(30, summary.Rejected);
    }

    [Theory, DatabaseLanes]
    public async Task JSON_Lines_of_garbage_between_good_objects_import_exactly_the_good_ones_and_name_every_other(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var random = new Random(lane == DatabaseLane.Sqlite ? 47 : 53);
        string[] shapes = ["{", "[]", "null", "42", "\"text\"", "{\"number\":5,\"issued_on\":true}", "{\"type_code\":{\"a\":1}}", $"{{\"holder_name\":\"{new string('名', 300_000)}\"}}", "{\"a\":1}{\"b\":2}"];
        var (good, lines) = (new List<string>(), new List<byte[]>());
        for (var i = 0; i < 24; i++)
        {
            var number = History.Number();
            good.Add(number);
            lines.Add(Encoding.UTF8.GetBytes(JsonLine(number)));
            lines.Add(random.Next(3) == 0 ? Garbage(random) : Encoding.UTF8.GetBytes(random.Next(2) == 0 ? shapes[random.Next(shapes.Length)] : JsonLine(History.Number(), random)));
        }

        lines.Add(Encoding.UTF8.GetBytes(JsonLine(History.Number()).Replace("\"legal_representative\":\"", "\"legal_representative\":\"\\u0000", StringComparison.Ordinal))); // a NUL no database column takes

        var summary = await app.ImportAsync(Join(lines), jsonLines: true);

        await AssertOnlyGoodImportedAsync(app, summary, good);
        Assert.Equal(25, summary.Rejected);
        Assert.Contains("NUL", (await app.RejectionsAsync(summary.RunId))[^1].Reasons[0].En, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Garbage_uploaded_on_the_page_or_posted_to_the_api_is_refused_or_reported_never_a_server_error(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var random = new Random(lane == DatabaseLane.Sqlite ? 59 : 61);
        var files = new List<(string Name, byte[] Bytes)>
        {
            ("empty.csv", []), ("header-only.csv", Encoding.UTF8.GetBytes(History.Header)), ("no-columns.csv", Encoding.UTF8.GetBytes("a,b,c\n1,2,3\n")),
            ("gbk.csv", Join([Encoding.UTF8.GetBytes(History.Header), Encoding.Latin1.GetBytes(History.Line(History.Number()).Replace("铁岭县", "Ìúáë", StringComparison.Ordinal))])),
            ("bytes.jsonl", Garbage(random)), ("bom.csv", [0xEF, 0xBB, 0xBF, .. History.Csv(History.Line(History.Number()))]),
        };
        foreach (var (name, bytes) in files)
        {
            using var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "Upload", name);
            form.Add(new StringContent(await TongbanApp.AntiforgeryTokenAsync(admin, "/admin/licenses/imports")), "__RequestVerificationToken");
            using var page = await admin.PostAsync("/admin/licenses/imports", form);
            await Fuzz.AssertHandledAsync(page, name, HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest);
            var format = name.EndsWith(".jsonl", StringComparison.Ordinal) ? "jsonl" : "csv";
            using var api = await admin.PostAsync($"/api/licenses/admin/imports?format={format}", new ByteArrayContent(bytes));
            await Fuzz.AssertHandledAsync(api, name, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest);
        }
    }

    private static async Task AssertOnlyGoodImportedAsync(TongbanApp app, Contracts.HistoryImportSummary summary, List<string> good)
    {
        Assert.Equal(summary.Lines, summary.Imported + summary.Rejected);
        var imported = await app.ImportedAsync(summary.RunId);
        Assert.Equal(good.Order(StringComparer.Ordinal), imported.Select(l => l.Number).Order(StringComparer.Ordinal));
        Assert.All(imported, l => Assert.True(l.Source == LicenseSource.Import && l.Signature.Length > 0 && l.SignedJson.Contains(l.Number, StringComparison.Ordinal)));
        var rejections = await app.RejectionsAsync(summary.RunId);
        Assert.Equal(summary.Rejected, rejections.Count);
        Assert.All(rejections, r => Assert.True(r.Reasons.Count > 0 && r.Reasons.All(x => x.Zh.Length > 0 && x.En.Length > 0), $"line {r.Line} has no reason"));
    }

    /// <summary>One bad line: random bytes (often not UTF-8), a huge cell, a mangled code or date, or the wrong number of cells.</summary>
    private static byte[] Garbage(Random random)
    {
        var number = History.Number();
        var text = random.Next(7) switch
        {
            0 => null,
            1 => History.Line(number, address: new string('路', 200_000)),
            2 => History.Line(number, holder: Fuzz.Mutate(History.Company, random) + "!"),
            3 => History.Line(number, type: Fuzz.Mutate(Samples.FoodLicence, random) + "中"),
            4 => History.Line(number, issuedOn: "2019-02-30"),
            5 => $"{Samples.FoodLicence},{Samples.Samr},{number}",
            _ => History.Line(number, issuer: "<script>alert(1)</script>"),
        };
        if (text is not null) return Encoding.UTF8.GetBytes(text);
        var bytes = new byte[random.Next(1, 400)];
        random.NextBytes(bytes);
        return [.. bytes.Select(b => b is (byte)'\n' or (byte)'\r' or (byte)'"' ? (byte)'x' : b)]; // one line, no quote spanning lines
    }

    private static string JsonLine(string number, Random? mangle = null) => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["type_code"] = Samples.FoodLicence, ["issuer_code"] = Samples.Samr, ["number"] = number,
        ["holder_code"] = mangle is null ? History.Company : Fuzz.Mutate(History.Company, mangle) + "#", ["holder_name"] = History.CompanyName,
        ["issued_on"] = "2019-04-01", ["valid_until"] = "2024-03-31", ["operator"] = History.CompanyName, ["legal_representative"] = "张建国",
        ["address"] = "铁岭县新台子镇懿路村88号", ["business_form"] = "食品销售经营者", ["activities"] = "预包装食品销售",
    });

    private static byte[] Join(IEnumerable<byte[]> lines) => [.. lines.SelectMany(l => l.Append((byte)'\n'))];
}
