using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Forms;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Tests;

/// <summary><see cref="IServiceItems"/>: what the applications module reads of an item to take an application.</summary>
public sealed class ServiceItemsTests(LaneApps apps)
{
    private static readonly JsonObject Form = new()
    {
        ["fields"] = new JsonArray(
            new JsonObject
            {
                ["key"] = "reason", ["labelZh"] = "申请原因", ["labelEn"] = "Reason", ["type"] = "Choice", ["required"] = true,
                ["options"] = new JsonArray(new JsonObject { ["value"] = "work", ["labelZh"] = "务工", ["labelEn"] = "Work" }, new JsonObject { ["value"] = "other", ["labelZh"] = "其他", ["labelEn"] = "Other" }),
            },
            new JsonObject
            {
                ["key"] = "reason_other", ["labelZh"] = "其他原因", ["labelEn"] = "Other reason", ["type"] = "text", ["required"] = true,
                ["visibleWhen"] = new JsonObject { ["field"] = "reason", ["equalsValue"] = "other" },
            }),
    };

    private async Task<(TongbanApp App, HttpClient Admin, HttpClient Reviewer)> StartAsync(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        return (app, await app.SignInAsync("事项管理员", Policies.CatalogAdministrator), await app.SignInAsync("司法局审查员", Policies.LegalityReviewer));
    }

    private static async Task<ApplicableItem?> FindAsync(TongbanApp app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IServiceItems>().FindApplicableAsync(code, TestContext.Current.CancellationToken);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_published_item_gives_its_materials_process_and_form(DatabaseLane lane)
    {
        var (app, admin, reviewer) = await StartAsync(lane);
        var suffix = $"SVC{(int)lane}1";
        var item = Feeds.Item($"{suffix}0000000", Feeds.PublicSecurity, suffix, "居住证申领（申办）", change: i =>
        {
            i["materials"]![1]!["key"] = "photo";
            i["form"] = Form.DeepClone();
            i["process"] = new JsonArray(
                new JsonObject { ["key"] = "review", ["nameZh"] = "审查", ["nameEn"] = "Review", ["role"] = Policies.Reviewer },
                new JsonObject { ["key"] = "legality", ["nameZh"] = "法制审核", ["nameEn"] = "Legality check", ["role"] = Policies.LegalityReviewer },
                new JsonObject { ["key"] = "decide", ["nameZh"] = "决定", ["nameEn"] = "Decision", ["role"] = Policies.Leader });
        });
        await Feeds.PublishAsync(admin, reviewer, item);

        var found = await FindAsync(app, Feeds.PublicSecurity + suffix);

        Assert.NotNull(found);
        Assert.Equal((Feeds.PublicSecurity + suffix, "居住证申领（申办）", 1, Feeds.PublicSecurity, "211200000000"),
            (found.ImplementationCode, found.Name, found.VersionNumber, found.DepartmentCreditCode, found.DivisionCode));
        Assert.Equal((20, (int?)60, 1, 2, true, false), (found.PromisedLimitDays, found.StatutoryLimitDays, found.PromisedTrips, found.RealNameLevel, found.ForPersons, found.ForLegalEntities));
        Assert.Equal(
            [new ApplicableMaterial("m1", "居民户口簿", true, null, false, "population.household", null), new ApplicableMaterial("photo", "近期免冠照片", true, null, true, null, null)],
            found.Materials);
        Assert.Equal(["review:reviewer", "legality:legality-reviewer", "decide:leader"], found.Process.Select(s => $"{s.Key}:{s.Role}"));
        Assert.Equal(new ProcessStep("legality", "法制审核", "Legality check", Policies.LegalityReviewer), found.Process[1]);
        Assert.Equal(["reason", "reason_other"], found.Form.Fields.Select(f => f.Key));
        Assert.Equal(FormFieldType.Choice, found.Form.Fields[0].Type);
        Assert.False(found.Form.Validate(new Dictionary<string, string?> { ["reason"] = "other" }).IsValid); // the condition came through
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_item_without_a_process_is_reviewed_then_decided(DatabaseLane lane)
    {
        var (app, admin, reviewer) = await StartAsync(lane);
        var suffix = $"SVC{(int)lane}2";
        await Feeds.PublishAsync(admin, reviewer, Feeds.Item($"{suffix}0000000", Feeds.PublicSecurity, suffix, "户口迁移（申办）"));

        var found = await FindAsync(app, Feeds.PublicSecurity + suffix);

        Assert.Equal([new ProcessStep("review", "审查", "Review", Policies.Reviewer), new ProcessStep("decide", "决定", "Decision", Policies.Approver)], found!.Process);
        Assert.Empty(found.Form.Fields);
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_item_that_is_not_published_suspended_or_abolished_or_unknown_gives_nothing(DatabaseLane lane)
    {
        var (app, admin, reviewer) = await StartAsync(lane);
        var draft = Feeds.Item($"SVC{(int)lane}3000000", Feeds.PublicSecurity, $"SVC{(int)lane}3", "从未发布（申办）");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/catalog/items", Feeds.Content(draft))).StatusCode);
        var suspended = $"SVC{(int)lane}4";
        await Feeds.PublishAsync(admin, reviewer, Feeds.Item($"{suspended}0000000", Feeds.PublicSecurity, suspended, "暂停（申办）"));
        var abolished = $"SVC{(int)lane}5";
        await Feeds.PublishAsync(admin, reviewer, Feeds.Item($"{abolished}0000000", Feeds.PublicSecurity, abolished, "取消（申办）"));
        Assert.NotNull(await FindAsync(app, Feeds.PublicSecurity + suspended));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/catalog/items/{Feeds.PublicSecurity + suspended}/suspend", new { reason = "系统升级" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/catalog/items/{Feeds.PublicSecurity + abolished}/abolish", new { reason = "法律废止" })).StatusCode);

        Assert.Null(await FindAsync(app, Feeds.PublicSecurity + $"SVC{(int)lane}3"));
        Assert.Null(await FindAsync(app, Feeds.PublicSecurity + suspended));
        Assert.Null(await FindAsync(app, Feeds.PublicSecurity + abolished));
        Assert.Null(await FindAsync(app, "no-such-item"));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_new_version_that_is_only_drafted_leaves_the_published_one_in_effect(DatabaseLane lane)
    {
        var (app, admin, reviewer) = await StartAsync(lane);
        var suffix = $"SVC{(int)lane}6";
        var item = Feeds.Item($"{suffix}0000000", Feeds.PublicSecurity, suffix, "居民身份证申领（申办）");
        await Feeds.PublishAsync(admin, reviewer, item);
        item["form"] = Form.DeepClone();
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/catalog/items", Feeds.Content(item))).StatusCode);

        var found = await FindAsync(app, Feeds.PublicSecurity + suffix);

        Assert.Equal(1, found!.VersionNumber);
        Assert.Empty(found.Form.Fields);
    }

    private static async Task<ApplicableBundle?> FindBundleAsync(TongbanApp app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IServiceItems>().FindBundleAsync(code, TestContext.Current.CancellationToken);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_bundle_gives_its_applicable_items_in_order_names_the_others_and_is_refused_below_two(DatabaseLane lane)
    {
        var (app, admin, _) = await StartAsync(lane);
        var tag = $"BN{(int)lane}";
        var items = new[] { ("01", "一件事甲"), ("02", "一件事乙"), ("03", "一件事丙") }
            .Select(x => Feeds.Item($"{tag}1220{x.Item1}000", Feeds.PublicSecurity, $"{tag}{x.Item1}", x.Item2)).ToArray();
        var code = $"LE-{tag}";
        var feed = new JsonObject
        {
            ["feed"] = "bundle-feed", ["issuedAt"] = "2026-01-01", ["items"] = new JsonArray(items),
            ["bundles"] = new JsonArray(new JsonObject
            {
                ["code"] = code, ["name"] = "一件事测试", ["subjects"] = new JsonArray("person"),
                ["items"] = new JsonArray($"{tag}122003000", $"{tag}122001000", "999999999999", $"{tag}122002000"),
            }),
        };
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/catalog/feeds", Feeds.Content(feed))).StatusCode);

        var bundle = await FindBundleAsync(app, code);
        Assert.Equal(["一件事丙", "一件事甲", "一件事乙"], bundle!.Items.Select(i => i.Name));
        Assert.Equal(["999999999999"], bundle.Unavailable.Select(u => u.BasicCode));
        // Its items have no application form: the life-event page sends people to each guide instead of to an empty online form.
        var lifeEvent = await app.CreateClient().GetStringAsync($"/life-events/{code}");
        Assert.DoesNotContain($"href=\"/apply/bundle/{code}\"", lifeEvent, StringComparison.Ordinal);
        Assert.Contains("id=\"apply-in-person\"", lifeEvent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/catalog/items/{Feeds.PublicSecurity}{tag}01/suspend", new { reason = "系统升级" })).StatusCode);
        bundle = await FindBundleAsync(app, code);
        Assert.Equal(["一件事丙", "一件事乙"], bundle!.Items.Select(i => i.Name));
        Assert.Equal(("一件事甲", "暂停或已取消：系统升级"), (bundle.Unavailable[0].Name, bundle.Unavailable[0].ReasonZh));

        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/catalog/items/{Feeds.PublicSecurity}{tag}02/suspend", new { reason = "系统升级" })).StatusCode);
        Assert.Null(await FindBundleAsync(app, code)); // one item left: applied for as itself
        Assert.Null(await FindBundleAsync(app, "LE-NO-SUCH"));
    }

    /// <summary>The demo bundle whose items have forms: the premises and the licence under one key in each item.</summary>
    [Theory]
    [DatabaseLanes]
    public async Task The_demo_grocery_bundle_gives_three_items_sharing_the_premises_field_and_the_licence(DatabaseLane lane)
    {
        var (app, _, _) = await StartAsync(lane);

        var bundle = await FindBundleAsync(app, "LE-GTKY");

        Assert.Equal(["个体工商户设立登记", "食品经营许可", "烟草专卖零售许可证核发"], bundle!.Items.Select(i => i.Name));
        Assert.Equal("211200000000", Assert.Single(bundle.Items.Select(i => i.DivisionCode).Distinct()));
        Assert.All(bundle.Items, i => Assert.Contains(i.Form.Fields, f => f.Key == "address"));
        Assert.Equal(2, bundle.Items.Count(i => i.Materials.Any(m => m.Key == "business_licence")));
        Assert.Empty(bundle.Unavailable);
    }

    /// <summary>The demo region's items that the applications module and the browser journey use.</summary>
    [Theory]
    [DatabaseLanes]
    public async Task The_demo_items_an_applicant_tries_have_forms_processes_and_keyed_materials(DatabaseLane lane)
    {
        var (app, _, _) = await StartAsync(lane);

        var moving = await FindAsync(app, "11211200061012195B00070500700101");
        Assert.Equal("户口迁移（迁入）", moving!.Name);
        Assert.Contains(moving.Materials, m => m is { Key: "household_book", RegistryFact: "population.household" });
        Assert.Contains(moving.Materials, m => m is { Key: "residence_proof", Tolerable: true, Required: true });
        Assert.Equal(["review", "decide"], moving.Process.Select(s => s.Key));
        Assert.Equal(new FormCondition("reason", "spouse"), moving.Form.Fields.Single(f => f.Key == "spouse_id_number").VisibleWhen);
        Assert.Empty(moving.Form.Check());

        var food = await FindAsync(app, "11211200025881318U00012101300001");
        Assert.Contains(food!.Materials, m => m is { Key: "business_licence", RegistryFact: "legal-entity.registration" });
        Assert.Equal([Policies.Reviewer, Policies.Reviewer, Policies.LegalityReviewer, Policies.Leader], food.Process.Select(s => s.Role));

        foreach (var code in new[] { "11211200061012195B00070501100001", "11211200025881318U00012100600001" })
            Assert.NotEmpty((await FindAsync(app, code))!.Form.Fields);
    }
}
