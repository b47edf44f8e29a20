using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>
/// The generated forms of the demo catalog (regions/tieling/tools/forms_by_kind.py) applied for end to end through the
/// applications API, against the real catalog (no test doubles): a form filled in from the definition the API serves,
/// a small PDF for every required material, and a case number.
/// </summary>
public sealed partial class OnlineItemTests(LaneApps apps)
{
    private static string CatalogPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "regions", "tieling", "catalog.json"));

    /// <summary>The showcase items, written by hand (tools/demo_forms.py): other tests cover them.</summary>
    private static readonly string[] HandWritten = ["户口迁移（迁入）", "居住证申领", "个体工商户设立登记", "食品经营许可", "烟草专卖零售许可证核发"];

    /// <summary>A field each kind of generated form has: a change, a cancellation, a replacement, a renewal, a benefit …</summary>
    private static readonly string[] Kinds =
        ["change_items", "cancel_reason", "replace_reason", "licence_number", "bank_account", "proposed_name", "project_name",
         "property_address", "facts", "purpose", "deceased_name", "child_name", "plate_number", "address", "household_size", "to_division",
         "applicant_type", "delivery"];

    /// <summary>For each kind, the first city item of the catalog (in its order) whose generated form has that field: deterministic.</summary>
    private static IReadOnlyList<(string Code, string Name, bool Instant)> Sample()
    {
        using var catalog = JsonDocument.Parse(File.ReadAllBytes(CatalogPath()));
        var online = catalog.RootElement.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("level").GetString() == "市" && i.GetProperty("onlineDepth").GetInt32() >= 3 && !HandWritten.Contains(i.GetProperty("name").GetString()))
            .Select(i => (Code: i.GetProperty("implementationCode").GetString()!, Name: i.GetProperty("name").GetString()!,
                Fields: i.GetProperty("form").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("key").GetString()!).ToList(),
                Instant: i.GetProperty("promisedLimit").GetInt32() == 0))
            .ToList();
        return [.. Kinds.Select(k => online.First(i => i.Fields.Contains(k))).DistinctBy(i => i.Code).Select(i => (i.Code, i.Name, i.Instant))];
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_sample_of_generated_forms_of_every_kind_is_applied_for_online_to_a_case_number(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await VerifiedCitizenAsync(app);
        var sample = Sample();
        Assert.True(sample.Count >= 10, $"only {sample.Count} kinds found in the catalog");

        foreach (var (code, name, _) in sample)
        {
            var number = await ApplyAsync(citizen.Client, code);
            Assert.Matches(CaseNumber(), number);
            var mine = await (await citizen.Client.GetAsync($"/api/applications/my/cases/{number}")).JsonAsync();
            Assert.Equal((code, name), (mine.GetProperty("itemCode").GetString(), mine.GetProperty("itemName").GetString()));
        }
    }

    /// <summary>即办: the generated process has one step, the window clerk's, so one clerk accepts, decides and concludes.</summary>
    [Theory]
    [DatabaseLanes]
    public async Task An_item_promised_on_the_spot_is_accepted_decided_and_concluded_by_one_window_clerk(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await VerifiedCitizenAsync(app);
        var (code, _, _) = Sample().First(i => i.Instant);
        var number = await ApplyAsync(citizen.Client, code);
        var clerk = await app.SignInAsync("即办窗口", Policies.WindowClerk);

        (await clerk.ActAsync(number, "accept")).EnsureSuccessStatusCode();
        (await clerk.ActAsync(number, "decide", new { outcome = "Approved", opinion = "材料齐全，当场办结" })).EnsureSuccessStatusCode();
        var concluded = await (await clerk.ActAsync(number, "conclude", new { delivery = "Electronic" })).JsonAsync();

        Assert.Equal("Concluded", concluded.GetProperty("status").GetString());
    }

    /// <summary>A citizen at real-name level 3 (verified in person at a window), so every item's level is met.</summary>
    private static async Task<Citizen> VerifiedCitizenAsync(TongbanApp app)
    {
        var citizen = await app.CitizenAsync("网办申请人");
        var clerk = await app.SignInAsync("核验窗口", Policies.WindowClerk);
        using var verified = await clerk.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person",
            ("IdNumber", citizen.IdNumber), ("Name", "网办申请人"));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        return citizen;
    }

    /// <summary>
    /// The apply page shows every field of the form the API serves for <paramref name="code"/>; the test fills that form,
    /// uploads every required material and submits.
    /// </summary>
    private static async Task<string> ApplyAsync(HttpClient client, string code)
    {
        var item = await client.GetFromJsonAsync<JsonElement>($"/api/applications/items/{code}");
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/apply/{code}"));
        foreach (var field in item.GetProperty("form").GetProperty("fields").EnumerateArray())
            Assert.Contains(field.GetProperty("labelZh").GetString()!, page, StringComparison.Ordinal);
        var form = FormAnswers.For(item.GetProperty("form"));
        var draft = (await (await client.PostAsJsonAsync("/api/applications/drafts", new { itemCode = code })).JsonAsync()).GetProperty("id").GetGuid();
        foreach (var material in item.GetProperty("materials").EnumerateArray().Where(m => m.GetProperty("required").GetBoolean()))
            await (await client.UploadAsync(draft, material.GetProperty("key").GetString()!, Files.Pdf)).JsonAsync();

        using var submitted = await client.SubmitDraftAsync(draft, new { form });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, $"{code}: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
        return (await submitted.JsonAsync()).GetProperty("number").GetString()!;
    }

    [GeneratedRegex(@"^\d{6}-\d{8}-\d{5}$")]
    private static partial Regex CaseNumber();
}
