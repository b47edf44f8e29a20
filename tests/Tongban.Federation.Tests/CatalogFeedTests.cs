using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Catalog.Contracts;
using Tongban.Federation.Contracts;
using Tongban.Federation.Data;
using Tongban.Federation.Domain;
using Tongban.Federation.Features.CatalogFeed;
using Tongban.Kernel.Data;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Security;

namespace Tongban.Federation.Tests;

/// <summary>
/// Issue #21 item 2, the catalog down: the province's provincial items reach the city through the signed feed and the
/// catalog's own import; a changed basic element reaches the city's item and, through its legality review, the city's
/// own implementation; an abolition reaches the city's item; a bad entry is refused and named while the rest apply; a
/// bad signature either way is refused.
/// Each test uses its own basic codes; the pair is this class's own, so a pull takes whatever earlier tests published.
/// </summary>
public sealed class CatalogFeedTests(Pairs pairs) : IClassFixture<Pairs>
{
    private const string Department = "11211200028410570F"; // a demo department, registered on both
    private const string Province = "210000000000";
    private const string City = "211200000000";

    [Theory, DatabaseLanes]
    public async Task The_city_pulls_what_the_province_publishes_across_pages_keeps_its_cursor_and_a_second_pull_changes_nothing(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var tag = Tag(lane, "A");
        var codes = Enumerable.Range(1, 4).Select(i => Code(tag, i)).ToList();
        await PublishAsync(pair, [.. codes.Select((c, i) => Item(Basic(tag, i + 1), c, $"省级测试事项{tag}{i + 1}", "省", Province, Department, 10))]);

        var first = await PullAsync(pair);
        Assert.False(first.Failed, first.FailureEn);
        Assert.True(first.Pages >= 2, "four items at three a page take two pages at least");
        foreach (var code in codes)
        {
            var item = await CityItemAsync(pair, code);
            Assert.NotNull(item);
            Assert.Equal(10, item.PromisedLimitDays);
        }
        Assert.All(await EntriesAsync(pair, codes), e => Assert.Equal(CatalogEntryState.Applied, e.Outcome));

        // The cursor is kept in the city's database, so a restarted city (a fresh scope, a fresh puller) goes on from it.
        var cursor = await pair.OnCityAsync(db => db.CatalogPulls.OrderByDescending(p => p.Id).Select(p => p.Cursor).FirstAsync());
        Assert.NotNull(cursor);
        Assert.EndsWith(codes[^1], cursor, StringComparison.Ordinal);
        var versions = await CityVersionsAsync(pair, codes[0]);

        var second = await PullAsync(pair);
        Assert.False(second.Failed);
        Assert.Equal((0, 0, 0, 0, 0), (second.Pages, second.Added, second.Changed, second.Unchanged, second.Refused));
        Assert.Equal(cursor, await pair.OnCityAsync(db => db.CatalogPulls.OrderByDescending(p => p.Id).Select(p => p.Cursor).FirstAsync()));
        Assert.Equal(versions, await CityVersionsAsync(pair, codes[0]));

        // From the start again: every entry comes again and is unchanged; nothing new is written.
        var again = await PullFromStartAsync(pair);
        Assert.False(again.Failed);
        Assert.Equal(0, again.Added + again.Changed);
        Assert.True(again.Unchanged >= codes.Count);
        Assert.Equal(versions, await CityVersionsAsync(pair, codes[0]));
    }

    [Theory, DatabaseLanes]
    public async Task A_changed_basic_element_reaches_the_city_item_and_through_legality_review_its_implementation_then_the_consistency_report_is_clean(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var tag = Tag(lane, "B");
        var (basic, provincial, local) = (Basic(tag, 1), Code(tag, 1), Code(tag, 2));
        await PublishAsync(pair, Item(basic, provincial, $"省级变更事项{tag}", "省", Province, Department, 10));
        // The city implements the same basic item itself (its own item, at the city's level).
        await ImportOnCityAsync(pair, Item(basic, local, $"省级变更事项{tag}", "市", City, Department, 10));
        Assert.False((await PullAsync(pair)).Failed);
        var admin = await pair.City.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        Assert.Empty(await DivergencesAsync(admin, basic));

        await PublishAsync(pair, Item(basic, provincial, $"省级变更事项{tag}", "省", Province, Department, 5));
        var pulled = await PullAsync(pair);
        Assert.False(pulled.Failed);
        Assert.Equal(1, pulled.Changed);
        Assert.Equal(1, pulled.SentToReview);
        Assert.Equal(5, (await CityItemAsync(pair, provincial))!.PromisedLimitDays);
        // The city's own item is not published without its legality review: still 10, and the report says so.
        Assert.Equal(10, (await CityItemAsync(pair, local))!.PromisedLimitDays);
        var divergence = Assert.Single(await DivergencesAsync(admin, basic));
        Assert.Equal(("promisedLimit", "5", "10"), (divergence.GetProperty("element").GetString(), divergence.GetProperty("expected").GetString(), divergence.GetProperty("actual").GetString()));

        var reviewer = await pair.City.SignInAsync("合法性审查员", Policies.LegalityReviewer);
        using (var approved = await reviewer.PostAsJsonAsync($"/api/catalog/items/{local}/approve", new { opinion = "与省级目录一致" }))
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var implemented = await CityItemAsync(pair, local);
        Assert.Equal(5, implemented!.PromisedLimitDays);
        Assert.Equal(City, implemented.DivisionCode); // its own elements kept
        Assert.Empty(await DivergencesAsync(admin, basic));
    }

    [Theory, DatabaseLanes]
    public async Task An_item_the_province_abolishes_is_abolished_in_the_city_with_its_reason_at_the_next_pull_and_only_once(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var tag = Tag(lane, "E");
        var code = Code(tag, 1);
        await PublishAsync(pair, Item(Basic(tag, 1), code, $"省级取消事项{tag}", "省", Province, Department, 10));
        Assert.False((await PullAsync(pair)).Failed);
        Assert.NotNull(await CityItemAsync(pair, code));

        var admin = await pair.Province.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        using (var abolished = await admin.PostAsJsonAsync($"/api/catalog/items/{code}/abolish", new { reason = "职能调整，省级取消" }))
            Assert.Equal(HttpStatusCode.OK, abolished.StatusCode);
        var pulled = await PullAsync(pair);
        Assert.False(pulled.Failed, pulled.FailureEn);
        Assert.Equal((0, 1), (pulled.Added, pulled.Changed)); // an abolition counts as a change
        Assert.Null(await CityItemAsync(pair, code)); // no more applications in the city
        var guide = JsonDocument.Parse(await pair.City.CreateClient().GetStringAsync($"/api/catalog/items/{code}")).RootElement;
        Assert.Equal(("Abolished", "职能调整，省级取消"), (guide.GetProperty("status").GetString(), guide.GetProperty("statusReason").GetString()));

        var again = await PullAsync(pair); // the abolition was given once: the cursor is past it
        Assert.Equal((0, 0, 0), (again.Added, again.Changed, again.Unchanged));
    }

    [Theory, DatabaseLanes]
    public async Task A_change_younger_than_the_settling_time_is_not_given_and_the_cursor_does_not_pass_it(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var tag = Tag(lane, "F");
        var code = Code(tag, 1);
        Assert.False((await PullAsync(pair)).Failed); // caught up with what earlier tests published
        var cursor = await pair.OnCityAsync(db => db.CatalogPulls.OrderByDescending(p => p.Id).Select(p => p.Cursor).FirstOrDefaultAsync());
        var options = pair.Province.Services.GetRequiredService<IOptions<FederationOptions>>().Value;
        options.CatalogFeedSettle = TimeSpan.FromHours(1); // as if this change's transaction might still be committing
        try
        {
            await PublishAsync(pair, Item(Basic(tag, 1), code, $"省级新近事项{tag}", "省", Province, Department, 10));
            var early = await PullAsync(pair);
            Assert.False(early.Failed, early.FailureEn);
            Assert.Equal((0, 0), (early.Added, early.Changed));
            Assert.Null(await CityItemAsync(pair, code));
            Assert.Equal(cursor, await pair.OnCityAsync(db => db.CatalogPulls.OrderByDescending(p => p.Id).Select(p => p.Cursor).FirstOrDefaultAsync()));
        }
        finally
        {
            options.CatalogFeedSettle = TimeSpan.Zero;
        }
        var settled = await PullAsync(pair); // settled: given, from the cursor kept
        Assert.Equal(1, settled.Added);
        Assert.NotNull(await CityItemAsync(pair, code));
    }

    [Theory, DatabaseLanes]
    public async Task While_another_instance_of_the_city_pulls_a_pull_does_not_run_says_so_and_records_nothing(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var tag = Tag(lane, "G");
        var code = Code(tag, 1);
        await PublishAsync(pair, Item(Basic(tag, 1), code, $"省级并行拉取事项{tag}", "省", Province, Department, 10));
        var pulls = await pair.OnCityAsync(db => db.CatalogPulls.CountAsync());
        // Another instance over the same database holds the pull's lock, on a connection of its own.
        await using (var other = pair.City.Services.CreateAsyncScope())
        {
            var db = other.ServiceProvider.GetRequiredService<FederationDbContext>();
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using (var held = await ProcessLock.TryTakeAsync(db.Database.GetDbConnection(), CatalogPuller.LockName, CatalogPuller.LockKey))
            {
                Assert.NotNull(held);
                var refused = await PullAsync(pair);
                Assert.True(refused.Failed);
                Assert.Equal(("另一个实例正在拉取省级目录，本次未拉取", 0), (refused.FailureZh, refused.Pages));
                Assert.Equal(pulls, await pair.OnCityAsync(db => db.CatalogPulls.CountAsync()));
                Assert.Null(await CityItemAsync(pair, code));
            }
            await db.Database.CloseConnectionAsync();
        }
        var pulled = await PullAsync(pair); // the other instance done: this one pulls
        Assert.False(pulled.Failed, pulled.FailureEn);
        Assert.Equal(1, pulled.Added);
        Assert.NotNull(await CityItemAsync(pair, code));
    }

    [Theory, DatabaseLanes]
    public async Task A_feed_entry_breaking_the_city_catalog_rules_is_refused_and_named_while_the_rest_apply(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var tag = Tag(lane, "C");
        // A provincial department the province has registered and the city has not.
        var first17 = $"12210000MB{(lane == DatabaseLane.Sqlite ? "00998" : "00997")}{(char)('A' + 0)}0";
        var department = first17 + CreditCode.CheckCharacter(first17);
        var sysadmin = await pair.Province.SignInAsync("系统管理员", Policies.SystemAdministrator);
        using (var added = await sysadmin.PostAsJsonAsync("/api/organization/departments", new { creditCode = department, name = $"辽宁省测试厅{tag}", nameEn = "Test Department", divisionCode = Province }))
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var (good1, bad, good2) = (Code(tag, 1), Code(tag, 2), Code(tag, 3));
        var badName = $"省厅实施事项{tag}";
        await PublishAsync(pair,
            Item(Basic(tag, 1), good1, $"省级事项甲{tag}", "省", Province, Department, 10),
            Item(Basic(tag, 2), bad, badName, "省", Province, department, 10),
            Item(Basic(tag, 3), good2, $"省级事项乙{tag}", "省", Province, Department, 10));

        var pulled = await PullAsync(pair);
        Assert.False(pulled.Failed);
        Assert.Equal([badName], pulled.RefusedNames);
        Assert.NotNull(await CityItemAsync(pair, good1));
        Assert.NotNull(await CityItemAsync(pair, good2));
        Assert.Null(await CityItemAsync(pair, bad));
        var refused = Assert.Single(await EntriesAsync(pair, [bad]));
        Assert.Equal(CatalogEntryState.Refused, refused.Outcome);
        Assert.Contains("实施主体", refused.ReasonZh, StringComparison.Ordinal);
        Assert.Contains("not registered", refused.ReasonEn, StringComparison.Ordinal);

        // The status page names it, in words (no code), and its button pulls; from the start it is refused again, the rest unchanged.
        var city = await pair.City.SignInAsync("系统管理员", Policies.SystemAdministrator);
        var page = await city.GetStringAsync("/admin/federation");
        Assert.Contains(badName, page, StringComparison.Ordinal);
        Assert.DoesNotContain(bad, page, StringComparison.Ordinal);
        var token = await TongbanApp.AntiforgeryTokenAsync(city, "/admin/federation");
        using var pulledByButton = await city.PostAsync("/admin/federation?handler=PullCatalog",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("fromStart", "true")]));
        Assert.Equal(HttpStatusCode.OK, pulledByButton.StatusCode);
        var after = await pulledByButton.Content.ReadAsStringAsync();
        Assert.Contains("pull-result", after, StringComparison.Ordinal);
        Assert.Contains(badName, after, StringComparison.Ordinal);
        Assert.Null(await CityItemAsync(pair, bad));
    }

    [Theory, DatabaseLanes]
    public async Task A_bad_signature_either_way_or_an_unknown_city_is_refused_and_recorded_and_nothing_is_applied(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var tag = Tag(lane, "D");

        // On the province: a question not signed by a registered city is refused with a bilingual problem, and recorded.
        var question = JsonSerializer.Serialize(new { city = Pair.OtherCityCode, after = (string?)null, limit = 5 });
        var stranger = new SigningKeys(new KeyFiles(Microsoft.Extensions.Options.Options.Create(new KeysOptions { Directory = Directory.CreateTempSubdirectory().FullName }),
            Microsoft.Extensions.Options.Options.Create(new Kernel.Data.StorageOptions()))).GetOrCreate("x", SignatureSchemes.Sm2);
        var before = await pair.OnProvinceAsync(db => db.Exchanges.CountAsync(x => x.Refusal != null));
        foreach (var (city, key, status, code) in new[]
        {
            (Pair.OtherCityCode, stranger, HttpStatusCode.Forbidden, "federation.signature"),
            (Pair.OtherCityCode, (SigningKey?)null, HttpStatusCode.Forbidden, "federation.signature"),
            ("999999", pair.OtherCity, HttpStatusCode.Forbidden, "federation.unknown_city"),
        })
        {
            using var response = await pair.PostAsync("/api/federation/catalog", question, city, key);
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal(code, problem.GetProperty("code").GetString());
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors")[0].GetProperty("zh").GetString()));
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("errors")[0].GetProperty("en").GetString()));
        }
        Assert.Equal(before + 3, await pair.OnProvinceAsync(db => db.Exchanges.CountAsync(x => x.Refusal != null)));
        // A cursor the province never gave: a bad request, not a server error.
        using (var cursor = await pair.PostAsync("/api/federation/catalog",
            JsonSerializer.Serialize(new { city = Pair.OtherCityCode, after = "yesterday", limit = 5 }), Pair.OtherCityCode, pair.OtherCity))
            Assert.Equal(HttpStatusCode.BadRequest, cursor.StatusCode);
        // A registered city's signed question is answered, signed by the province.
        using (var answered = await pair.PostAsync("/api/federation/catalog", question, Pair.OtherCityCode, pair.OtherCity))
        {
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            Assert.True(answered.Headers.Contains("X-Federation-Signature"), string.Join("; ", answered.Headers.Select(h => h.Key)) + " | " + await answered.Content.ReadAsStringAsync());
        }

        // On the city: an answer altered on the way fails the province's signature; nothing is applied, the cursor stays.
        var code1 = Code(tag, 1);
        var name = $"签名测试事项{tag}";
        await PublishAsync(pair, Item(Basic(tag, 1), code1, name, "省", Province, Department, 10));
        var cursorBefore = await pair.OnCityAsync(db => db.CatalogPulls.OrderByDescending(p => p.Id).Select(p => p.Cursor).FirstOrDefaultAsync());
        pair.Link.Tamper = body => body.Replace("\"promisedLimit\":10", "\"promisedLimit\":1", StringComparison.Ordinal);
        CatalogPullResult tampered;
        try
        {
            tampered = await PullAsync(pair);
        }
        finally
        {
            pair.Link.Tamper = null;
        }
        Assert.True(tampered.Failed);
        Assert.Contains("签名", tampered.FailureZh, StringComparison.Ordinal);
        Assert.Null(await CityItemAsync(pair, code1));
        var failed = await pair.OnCityAsync(db => db.CatalogPulls.OrderByDescending(p => p.Id).FirstAsync());
        Assert.Equal(("signature", cursorBefore), (failed.Failure, failed.Cursor));

        var healed = await PullAsync(pair);
        Assert.False(healed.Failed);
        Assert.Equal(name, (await CityItemAsync(pair, code1))!.Name);
    }

    private static string Tag(DatabaseLane lane, string test) => (lane == DatabaseLane.Sqlite ? "S" : "P") + test;

    private static string Basic(string tag, int n) => $"FB{tag}{n:D6}";

    private static string Code(string tag, int n) => $"FEDTEST{tag}{n:D8}";

    private static string Item(string basic, string code, string name, string level, string division, string department, int promised) => JsonSerializer.Serialize(new
    {
        basicCode = basic, implementationCode = code, name, type = "行政许可", level, divisionCode = division, departmentCreditCode = department,
        legalBasis = "《测试条例》第一条", subjects = new[] { "person" }, statutoryLimit = 20, promisedLimit = promised, fees = Array.Empty<object>(),
        materials = new[] { new { name = "申请书", required = "required", form = "original", copies = 1, medium = "either" } }, trips = 1, onlineDepth = 3,
        places = new[] { new { hall = "city-centre", windows = new[] { "A01" }, hours = "工作日 9:00-17:00" } }, steps = new[] { "受理", "审查", "决定" },
        consultationPhone = "024-12345678", complaintPhone = "12345", realNameLevel = 2,
    });

    private static byte[] Feed(params string[] items) => Encoding.UTF8.GetBytes($"{{\"feed\":\"test\",\"complete\":false,\"items\":[{string.Join(",", items)}]}}");

    private static async Task PublishAsync(Pair pair, params string[] items)
    {
        await using var scope = pair.Province.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ICatalogImport>().ImportFeedAsync(Feed(items), "province-test.json", "test", CancellationToken.None);
    }

    private static async Task ImportOnCityAsync(Pair pair, params string[] items)
    {
        await using var scope = pair.City.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ICatalogImport>().ImportFeedAsync(Feed(items), "city-test.json", "test", CancellationToken.None);
    }

    private static async Task<CatalogPullResult> PullAsync(Pair pair)
    {
        await using var scope = pair.City.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IFederationCatalogPull>().PullAsync(fromStart: false, CancellationToken.None);
    }

    private static async Task<CatalogPullResult> PullFromStartAsync(Pair pair)
    {
        await using var scope = pair.City.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IFederationCatalogPull>().PullAsync(fromStart: true, CancellationToken.None);
    }

    private static async Task<ApplicableItem?> CityItemAsync(Pair pair, string code)
    {
        await using var scope = pair.City.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IServiceItems>().FindApplicableAsync(code, CancellationToken.None);
    }

    private static async Task<int> CityVersionsAsync(Pair pair, string code)
    {
        var admin = await pair.City.SignInAsync("事项管理员", Policies.CatalogAdministrator);
        var history = JsonDocument.Parse(await admin.GetStringAsync($"/api/catalog/items/{code}/history")).RootElement;
        return history.GetProperty("versions").GetArrayLength();
    }

    private static Task<List<CatalogEntryState>> EntriesAsync(Pair pair, IReadOnlyCollection<string> codes) =>
        pair.OnCityAsync(db => db.CatalogEntries.AsNoTracking().Where(e => codes.Contains(e.ImplementationCode)).ToListAsync());

    private static async Task<List<JsonElement>> DivergencesAsync(HttpClient admin, string basic) =>
        [.. JsonDocument.Parse(await admin.GetStringAsync("/api/catalog/consistency")).RootElement.EnumerateArray().Where(d => d.GetProperty("basicCode").GetString() == basic)];
}
