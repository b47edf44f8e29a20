using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tongban.Catalog.Domain;
using Tongban.Catalog.Features.ImportFeed;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Tests;

/// <summary>
/// The demo catalog (regions/tieling/catalog.json) read as the provincial feed it is: every item that can be applied
/// for online stands on a form, a process and keyed materials, and the import's own rules hold for all of it.
/// </summary>
public sealed class DemoCatalogTests(LaneApps apps)
{
    private static string CatalogPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "regions", "tieling", "catalog.json"));

    private static readonly Lazy<List<(FeedItem Line, ItemElements Elements)>> Items = new(() =>
        [.. FeedReader.Read(File.ReadAllBytes(CatalogPath()), "catalog.json").Document.Items!.Select(i => (i, i.ToElements()))]);

    private static string Name(FeedItem line) => $"{line.ImplementationCode} {line.Name}";

    [Fact]
    public void Every_item_applied_for_online_has_a_form_a_process_and_a_key_on_every_material()
    {
        var online = Items.Value.Where(i => i.Elements.OnlineDepth >= 3).ToList();
        var lacking = online.SelectMany(i => new[]
        {
            i.Elements.Form.Fields.Count == 0 ? $"{Name(i.Line)}: no application form" : null,
            i.Elements.Process.Count == 0 ? $"{Name(i.Line)}: no handling process" : null,
        }.Concat(i.Elements.Materials.Where(m => m.Key.Length == 0).Select(m => $"{Name(i.Line)}: material {m.Name} has no key"))).OfType<string>().ToList();

        Assert.True(online.Count > Items.Value.Count / 2, $"only {online.Count} of {Items.Value.Count} items are applied for online");
        Assert.True(lacking.Count == 0, string.Join("\n", lacking));
    }

    [Fact]
    public void Every_item_passes_the_rules_the_import_checks()
    {
        var faults = Items.Value.SelectMany(i => i.Elements.Missing().Concat(i.Elements.Invalid())
            .Select(e => $"{Name(i.Line)}: {e.Field} {e.English}")).ToList();
        Assert.True(faults.Count == 0, string.Join("\n", faults));
    }

    [Fact]
    public void One_material_name_has_one_key_and_one_field_key_one_type_across_the_catalog()
    {
        var keysOfName = Items.Value.SelectMany(i => i.Elements.Materials).GroupBy(m => m.Name)
            .Where(g => g.Select(m => m.Key).Distinct().Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => m.Key).Distinct())}");
        var typesOfKey = Items.Value.SelectMany(i => i.Elements.Form.Fields).GroupBy(f => f.Key)
            .Where(g => g.Select(f => f.Type).Distinct().Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(f => f.Type).Distinct())}");
        Assert.Empty(keysOfName);
        Assert.Empty(typesOfKey);
    }

    /// <summary>The showcase items written by hand (tools/demo_forms.py) keep their own processes.</summary>
    private static readonly string[] HandWritten = ["户口迁移（迁入）", "居住证申领", "个体工商户设立登记", "食品经营许可", "烟草专卖零售许可证核发"];

    [Fact]
    public void An_item_promised_on_the_spot_is_decided_by_the_window_clerk_who_accepts_it()
    {
        var instant = Items.Value.Where(i => i.Elements is { PromisedLimit: 0, OnlineDepth: >= 3 } && !HandWritten.Contains(i.Elements.Name)).ToList();
        Assert.NotEmpty(instant);
        Assert.All(instant, i => Assert.Equal([Policies.WindowClerk], i.Elements.Process.Select(s => s.Role)));
    }

    /// <summary>The forms arrive through the feed like any catalog change: a broken one refuses the feed, naming the form.</summary>
    [Theory]
    [DatabaseLanes]
    public async Task A_demo_form_broken_in_a_feed_refuses_the_feed_naming_the_form(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        var feed = JsonNode.Parse(File.ReadAllText(CatalogPath()))!.AsObject();
        var item = feed["items"]!.AsArray().Select(i => i!.AsObject()).First(i => i["name"]!.GetValue<string>() == "企业变更登记").DeepClone().AsObject();
        item["implementationCode"] = item["departmentCreditCode"]!.GetValue<string>() + $"DEMOFORM{(int)lane}";
        var fields = item["form"]!["fields"]!.AsArray();
        var first = fields[0]!.DeepClone();
        fields.RemoveAt(0);
        fields.Add(first); // change_items now comes after the field whose condition names it
        var broken = new JsonObject { ["feed"] = "demo-check", ["issuedAt"] = "2026-11-20", ["complete"] = false, ["items"] = new JsonArray(item) };

        using var response = await admin.PostAsync("/api/catalog/feeds", new StringContent(broken.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("field").GetString()!.EndsWith("form_fields", StringComparison.Ordinal)
            && e.GetProperty("code").GetString() == "form.condition_field");
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync($"/api/catalog/items/{item["implementationCode"]}", TestContext.Current.CancellationToken)).StatusCode);
    }
}
