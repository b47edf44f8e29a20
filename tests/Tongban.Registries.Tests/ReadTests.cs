using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.PersonalData;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;
using Tongban.Registries.Domain;
using Tongban.Registries.Features;

namespace Tongban.Registries.Tests;

public sealed class ReadTests(ClassLaneApps apps) : IClassFixture<ClassLaneApps>
{
    private static readonly RegistryRead Social = new("client:social-security", "11211200MB1234567X", "clerk-0042", "社会保险待遇资格认证", "population-basic");

    private static async Task<T> WithScopeAsync<T>(TongbanApp app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_read_returns_only_the_fields_asked_for_and_the_person_can_see_who_read_it(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var id = RegistryRecords.NewIdNumber();
        await RegistryRecords.AddAsync(app, RegistryRecords.Person(id, "王秀英"));

        var found = await WithScopeAsync(app, sp => sp.GetRequiredService<IRegistryRecords>().ReadAsync(RegistryKind.Population, id, ["name", "status"], Social, default));
        var record = Assert.Single(found);
        Assert.Equal(["name", "status"], record.Fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("王秀英", record.Fields["name"]);
        Assert.Equal("living", record.Fields["status"]);

        var admin = await app.SignInAsync("数据管理员", Policies.DataAdministrator);
        var reads = await (await admin.PostAsJsonAsync("/api/registries/reads-of", new { subjectKey = id })).Content.ReadFromJsonAsync<JsonElement>();
        var read = Assert.Single(reads.EnumerateArray());
        Assert.Equal("社会保险待遇资格认证", read.GetProperty("purpose").GetString());
        Assert.Equal("client:social-security", read.GetProperty("caller").GetString());
        Assert.Equal("clerk-0042", read.GetProperty("onBehalfOf").GetString());
        Assert.Equal(1, read.GetProperty("resultCount").GetInt32());

        // The log keeps a keyed hash of the subject, never the number itself.
        var stored = await WithScopeAsync(app, sp => sp.GetRequiredService<RegistriesDbContext>().AccessLog.AsNoTracking().OrderByDescending(a => a.Sequence).FirstAsync());
        Assert.DoesNotContain(id, JsonSerializer.Serialize(stored), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", stored.SubjectHash);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Call_statistics_come_from_a_roll_up_that_agrees_with_the_log(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var id = RegistryRecords.NewIdNumber();
        await RegistryRecords.AddAsync(app, RegistryRecords.Person(id, "赵敏"));
        string Department() => Guid.NewGuid().ToString("N")[..18].ToUpperInvariant();
        var (first, second) = (Social with { CallerDepartment = Department() }, Social with { CallerDepartment = Department(), Resource = "population-household" });

        // Concurrent reads land in shared batches; a miss counts as a call with no records.
        await Task.WhenAll(
            Enumerable.Range(0, 3).Select(_ => WithScopeAsync(app, sp => sp.GetRequiredService<IRegistryRecords>().ReadAsync(RegistryKind.Population, id, ["name"], first, default)))
            .Append(WithScopeAsync(app, sp => sp.GetRequiredService<IRegistryRecords>().ReadAsync(RegistryKind.Population, id, ["name"], second, default)))
            .Append(WithScopeAsync(app, sp => sp.GetRequiredService<IRegistryRecords>().ReadAsync(RegistryKind.Population, RegistryRecords.NewIdNumber(), ["name"], second, default))));

        var statistics = await WithScopeAsync(app, sp => sp.GetRequiredService<IRegistryRecords>().CallStatisticsAsync(default));
        Assert.Equal((3L, 3L), Counts(statistics.ByDepartment, first.CallerDepartment!));
        Assert.Equal((2L, 1L), Counts(statistics.ByDepartment, second.CallerDepartment!));
        var fromLog = await WithScopeAsync(app, sp => sp.GetRequiredService<RegistriesDbContext>().AccessLog.AsNoTracking()
            .GroupBy(a => a.Resource).Select(g => new { g.Key, Calls = g.LongCount(), Records = g.Sum(a => (long)a.ResultCount) }).ToListAsync());
        Assert.Equal(fromLog.Select(r => (r.Key, r.Calls, r.Records)).OrderBy(r => r.Key, StringComparer.Ordinal),
            statistics.ByResource.Select(r => (r.Key, r.Calls, r.Records)).OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.Equal(fromLog.Sum(r => r.Calls), statistics.Total);

        static (long, long) Counts(IReadOnlyList<CallCount> counts, string key) => counts.Single(c => c.Key == key) is var c ? (c.Calls, c.Records) : default;
    }

    [Theory]
    [DatabaseLanes]
    public async Task Every_field_of_every_registry_reads_as_EF_Core_reads_the_record(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (id, code, parcel) = (RegistryRecords.NewIdNumber(), RegistryRecords.NewCreditCode(), "P" + Guid.NewGuid().ToString("N")[..12]);
        var person = RegistryRecords.Person(id, "钱芳", PersonStatus.Deceased);
        var entity = RegistryRecords.Entity(code, "铁岭市银州区禾丰商贸有限公司", EntityStatus.Revoked);
        var feature = new GeoFeature
        {
            Code = parcel, Kind = GeoKind.Parcel, Name = "银州区宗地", DivisionCode = "211202000000", UpdatedOn = new DateOnly(2026, 3, 9),
            Geometry = """{"type":"Polygon","coordinates":[[[123.84,42.28],[123.85,42.28],[123.85,42.29],[123.84,42.28]]]}""",
            ValidFrom = new DateTimeOffset(2026, 3, 9, 0, 0, 0, TimeSpan.Zero), ContentHash = 1,
        };
        CreditEntry Listed(CreditList list, DateOnly on, DateOnly? expires) => new()
        {
            EntryNumber = $"{list}-{code}-{on:yyyyMMdd}", SubjectCode = code, SubjectName = entity.Name, List = list, Reason = "依法认定",
            SourceDepartment = "11211200MB0000000X", ListedOn = on, ExpiresOn = expires, UpdatedOn = on,
            ValidFrom = new DateTimeOffset(on, TimeOnly.MinValue, TimeSpan.Zero), ContentHash = 1,
        };
        var credit = new[] { Listed(CreditList.Black, new DateOnly(2026, 2, 1), null), Listed(CreditList.Red, new DateOnly(2025, 7, 1), new DateOnly(2027, 6, 30)) };
        await RegistryRecords.AddAsync(app, [person, entity, feature, .. credit]);

        async Task Same(RegistryKind kind, string key, IEnumerable<Dictionary<string, object?>> expected)
        {
            var fields = RegistryShapes.Of(kind).Fields.Select(f => f.Name).ToArray();
            var read = await WithScopeAsync(app, sp => sp.GetRequiredService<IRegistryRecords>().ReadAsync(kind, key, fields, Social, default));
            Assert.Equal(expected.Select(Json), read.Select(r => Json(r.Fields)));
        }
        static string Json(IReadOnlyDictionary<string, object?> fields) => JsonSerializer.Serialize(fields.OrderBy(f => f.Key, StringComparer.Ordinal));

        // What EF Core materialises, shown through the same fields: the look-up must give exactly this.
        var stored = await WithScopeAsync(app, async sp =>
        {
            var db = sp.GetRequiredService<RegistriesDbContext>();
            return (await db.Persons.WhereMatches(p => p.IdNumber, id).AsNoTracking().SingleAsync(), await db.LegalEntities.AsNoTracking().SingleAsync(e => e.CreditCode == code),
                await db.GeoFeatures.AsNoTracking().SingleAsync(g => g.Code == parcel),
                await db.CreditEntries.WhereMatches(c => c.SubjectCode, code).AsNoTracking().OrderBy(c => c.ListedOn).ToListAsync());
        });
        await Same(RegistryKind.Population, id, [RegistryShapes.Fields(stored.Item1)]);
        await Same(RegistryKind.LegalEntities, code, [RegistryShapes.Fields(stored.Item2)]);
        await Same(RegistryKind.Geospatial, parcel, [RegistryShapes.Fields(stored.Item3)]);
        await Same(RegistryKind.CreditLists, code, stored.Item4.Select(RegistryShapes.Fields));
        Assert.Equal(["red", "black"], stored.Item4.Select(c => RegistryShapes.Code(RegistryShapes.ListCodes, c.List)));
        Assert.Equal(("deceased", "revoked"), ((string?)RegistryShapes.Fields(stored.Item1)["status"], (string?)RegistryShapes.Fields(stored.Item2)["status"]));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Only_the_current_version_is_read_and_the_history_stays(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var id = RegistryRecords.NewIdNumber();
        var moved = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await RegistryRecords.AddAsync(app,
            RegistryRecords.Person(id, "李强", validTo: moved, address: "铁岭县腰堡镇腰堡村3号", hash: 1),
            RegistryRecords.Person(id, "李强", validFrom: moved, address: "铁岭县新台子镇新台子村12号", hash: 2));
        var found = await WithScopeAsync(app, sp => sp.GetRequiredService<IRegistryRecords>().ReadAsync(RegistryKind.Population, id, ["address"], Social, default));
        Assert.Equal("铁岭县新台子镇新台子村12号", Assert.Single(found).Fields["address"]);
        var versions = await WithScopeAsync(app, sp => sp.GetRequiredService<RegistriesDbContext>().Persons.WhereMatches(p => p.IdNumber, id).CountAsync());
        Assert.Equal(2, versions);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Unknown_fields_wildcards_empty_keys_and_missing_purposes_are_refused_by_name(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        async Task<DomainError> Refused(RegistryKind kind, string key, string[] fields, RegistryRead? read = null) =>
            Assert.Single((await Assert.ThrowsAsync<DomainException>(() =>
                WithScopeAsync(app, sp => sp.GetRequiredService<IRegistryRecords>().ReadAsync(kind, key, fields, read ?? Social, default)))).Errors);

        var unknown = await Refused(RegistryKind.Population, RegistryRecords.NewIdNumber(), ["name", "salary"]);
        Assert.Equal((ErrorKind.BadRequest, "salary"), (unknown.Kind, unknown.Field));
        Assert.Equal("registry.key_wildcard", (await Refused(RegistryKind.LegalEntities, "91211200*", ["name"])).Code);
        Assert.Equal("registry.key_empty", (await Refused(RegistryKind.Geospatial, " ", ["name"])).Code);
        Assert.Equal("id_number.check", (await Refused(RegistryKind.Population, "211221195001010010", ["name"])).Code);
        Assert.Equal("registry.purpose_missing", (await Refused(RegistryKind.Population, RegistryRecords.NewIdNumber(), ["name"], Social with { Purpose = "" })).Code);
        Assert.Equal("registry.on_behalf_of_id", (await Refused(RegistryKind.Population, RegistryRecords.NewIdNumber(), ["name"], Social with { OnBehalfOf = RegistryRecords.NewIdNumber() })).Code);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Verification_tells_a_match_from_no_match_and_from_the_deceased(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (living, dead, company, closed) = (RegistryRecords.NewIdNumber(), RegistryRecords.NewIdNumber(), RegistryRecords.NewCreditCode(), RegistryRecords.NewCreditCode());
        await RegistryRecords.AddAsync(app,
            RegistryRecords.Person(living, "赵敏"), RegistryRecords.Person(dead, "钱进", PersonStatus.Deceased),
            RegistryRecords.Entity(company, "铁岭市银州区百顺商贸有限公司"), RegistryRecords.Entity(closed, "铁岭县兴农农资有限公司", EntityStatus.Cancelled));
        var results = await WithScopeAsync(app, async sp =>
        {
            var verify = sp.GetRequiredService<IRegistryVerification>();
            return (
                await verify.VerifyPersonAsync(living, "赵敏", Social, default),
                await verify.VerifyPersonAsync(living, "赵明", Social, default),
                await verify.VerifyPersonAsync(dead, "钱进", Social, default),
                await verify.VerifyPersonAsync("not-an-id", "赵敏", Social, default),
                await verify.VerifyEntityAsync(company, "铁岭市银州区百顺商贸有限公司", Social, default),
                await verify.VerifyEntityAsync(closed, "铁岭县兴农农资有限公司", Social, default),
                await verify.VerifyEntityAsync(company, "别的公司", Social, default));
        });
        Assert.Equal((PersonCheck.Match, PersonCheck.NoMatch, PersonCheck.Deceased, PersonCheck.NoMatch, EntityCheck.Match, EntityCheck.Inactive, EntityCheck.NoMatch), results);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_fact_gives_its_few_values_and_nothing_else(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var id = RegistryRecords.NewIdNumber();
        await RegistryRecords.AddAsync(app, RegistryRecords.Person(id, "孙丽", maritalStatus: "离婚"));
        var (marriage, none) = await WithScopeAsync(app, async sp =>
        {
            var verify = sp.GetRequiredService<IRegistryVerification>();
            return (await verify.FetchFactAsync("population.marriage", id, Social with { Resource = "fact:population.marriage" }, default),
                await verify.FetchFactAsync("population.marriage", RegistryRecords.NewIdNumber(), Social, default));
        });
        Assert.NotNull(marriage);
        Assert.Equal([("name", "孙丽"), ("maritalStatus", "离婚")], marriage.Values.Select(v => (v.Name, v.Value)));
        Assert.Null(none);
        await Assert.ThrowsAsync<DomainException>(() => WithScopeAsync(app, sp => sp.GetRequiredService<IRegistryVerification>().FetchFactAsync("population.salary", id, Social, default)));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Concurrent_reads_are_all_logged_in_one_unbroken_chain_and_tampering_is_named(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var id = RegistryRecords.NewIdNumber();
        await RegistryRecords.AddAsync(app, RegistryRecords.Person(id, "周杰"));
        await Parallel.ForEachAsync(Enumerable.Range(0, 120), new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (i, ct) =>
            await WithScopeAsync(app, sp => sp.GetRequiredService<IRegistryRecords>().ReadAsync(RegistryKind.Population, id, ["name"], Social with { OnBehalfOf = $"clerk-{i}" }, ct)));

        var admin = await app.SignInAsync("数据管理员", Policies.DataAdministrator);
        Assert.Equal(120, (await (await admin.PostAsJsonAsync("/api/registries/reads-of", new { subjectKey = id, limit = 500 })).Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        var system = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);
        var intact = await system.GetFromJsonAsync<JsonElement>("/api/registries/access-log/verification");
        Assert.True(intact.GetProperty("isIntact").GetBoolean(), intact.ToString());

        var victim = await WithScopeAsync(app, async sp =>
        {
            var db = sp.GetRequiredService<RegistriesDbContext>();
            var sequence = await db.AccessLog.Where(a => a.OnBehalfOf == "clerk-7").Select(a => a.Sequence).SingleAsync();
            await db.Database.ExecuteSqlAsync($"UPDATE reg_access_log SET purpose = '随便看看' WHERE sequence = {sequence}");
            return sequence;
        });
        var broken = await system.GetFromJsonAsync<JsonElement>("/api/registries/access-log/verification");
        Assert.Equal(("Altered", victim), (broken.GetProperty("fault").GetString(), broken.GetProperty("sequence").GetInt64()));
        await WithScopeAsync(app, sp => sp.GetRequiredService<RegistriesDbContext>().Database
            .ExecuteSqlAsync($"UPDATE reg_access_log SET purpose = {Social.Purpose} WHERE sequence = {victim}"));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_batch_the_database_refuses_fails_its_reads_leaves_nothing_behind_and_the_log_writes_on(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var id = RegistryRecords.NewIdNumber();
        await RegistryRecords.AddAsync(app, RegistryRecords.Person(id, "孙丽"));
        Task<IReadOnlyList<RegistryRecordView>> Read(string onBehalfOf) => WithScopeAsync(app, sp =>
            sp.GetRequiredService<IRegistryRecords>().ReadAsync(RegistryKind.Population, id, ["name"], Social with { OnBehalfOf = onBehalfOf }, default));
        await Read("clerk-before");

        // The database refuses one entry (as it would on a full disk or a lost connection): its batch rolls back whole.
        string[] refuse = lane == DatabaseLane.Postgres
            ? ["CREATE FUNCTION refuse_entry() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$",
               "CREATE TRIGGER refuse_entry BEFORE INSERT ON reg_access_log FOR EACH ROW WHEN (NEW.on_behalf_of = 'clerk-refused') EXECUTE FUNCTION refuse_entry()"]
            : ["CREATE TRIGGER refuse_entry BEFORE INSERT ON reg_access_log WHEN NEW.on_behalf_of = 'clerk-refused' BEGIN SELECT RAISE(ABORT, 'refused'); END"];
        string[] allow = lane == DatabaseLane.Postgres
            ? ["DROP TRIGGER refuse_entry ON reg_access_log", "DROP FUNCTION refuse_entry()"]
            : ["DROP TRIGGER refuse_entry"];
        async Task Run(string[] statements)
        {
            foreach (var sql in statements)
                await WithScopeAsync(app, sp => sp.GetRequiredService<RegistriesDbContext>().Database.ExecuteSqlRawAsync(sql));
        }
        await Run(refuse);
        try
        {
            await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => Read("clerk-refused"));
        }
        finally
        {
            await Run(allow);
        }

        Assert.Single(await Read("clerk-after"));
        var logged = await WithScopeAsync(app, sp => sp.GetRequiredService<RegistriesDbContext>().AccessLog.AsNoTracking()
            .Where(a => a.OnBehalfOf == "clerk-before" || a.OnBehalfOf == "clerk-refused" || a.OnBehalfOf == "clerk-after")
            .OrderBy(a => a.Sequence).Select(a => a.OnBehalfOf).ToListAsync());
        Assert.Equal(["clerk-before", "clerk-after"], logged);
        var system = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);
        var verification = await system.GetFromJsonAsync<JsonElement>("/api/registries/access-log/verification");
        Assert.True(verification.GetProperty("isIntact").GetBoolean(), verification.ToString());
    }

    [Theory]
    [DatabaseLanes]
    public async Task Who_read_my_data_needs_a_valid_number_in_the_body_and_a_data_administrator(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("数据管理员", Policies.DataAdministrator);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsJsonAsync("/api/registries/reads-of", new { subjectKey = "12345" })).StatusCode);
        var clerk = await app.SignInAsync("窗口", Policies.WindowClerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsJsonAsync("/api/registries/reads-of", new { subjectKey = RegistryRecords.NewIdNumber() })).StatusCode);
    }
}

public sealed class SqliteSettingsTests(LaneApps apps)
{
    [Fact]
    public async Task Sqlite_connections_sync_at_checkpoints_not_at_every_commit()
    {
        var app = await apps.For(DatabaseLane.Sqlite);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();
        await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(1L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)); // NORMAL
    }
}
