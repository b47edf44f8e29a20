using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.PersonalData;
using Tongban.Kernel.Errors;
using Tongban.Registries.Contracts;
using Tongban.Registries.Domain;
using static Tongban.Registries.Tests.ImportFiles;

namespace Tongban.Registries.Tests;

// A registry takes one import at a time: the classes that import share the assembly's apps one after another.
[Collection("registry imports")]
public sealed class ImportTests(LaneApps apps)
{
    [Theory]
    [DatabaseLanes]
    public async Task Good_lines_load_and_every_bad_line_is_named_with_its_line_and_reason(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var day = new DateOnly(1901, 1, 1);
        string Key(int n) => Id(day, 900 + n);
        var content = Csv(PersonHeader,
            Person(Key(1), "好人甲"),                                   // line 2
            Person(BadCheck(Key(2)), "校验错"),                          // line 3: ID checksum
            Person(Key(3), "日期错", birthDate: "1901-02-30"),          // line 4: date
            Person(Key(4), "区划错", division: "211221999999"),         // line 5: unknown division
            Person(Key(1), "重复者"),                                   // line 6: duplicate of line 2
            Person(Key(5), "状态错", status: "gone"),                   // line 7: enum
            Person(Key(6), new string('长', 51)),                       // line 8: too long
            "",                                                         // line 9: blank, skipped
            Person(Key(7), "", marital: "已婚"),                        // line 10: required
            Person(Key(8), "好人乙"));                                  // line 11

        var summary = await ImportAsync(app, "population", content);

        Assert.Equal((9L, 2L, 7L), (summary.Lines, summary.Added, summary.Rejected));
        var reasons = summary.FirstRejections.Select(r => (r.Line, r.Field, r.Code)).ToList();
        Assert.Contains((3L, "idNumber", "id_number.check"), reasons);
        Assert.Contains((4L, "birthDate", "import.date"), reasons);
        Assert.Contains((5L, "divisionCode", "import.division_unknown"), reasons);
        Assert.Contains((6L, "idNumber", "import.duplicate"), reasons);
        Assert.Contains((7L, "status", "import.enum"), reasons);
        Assert.Contains((8L, "name", "import.too_long"), reasons);
        Assert.Contains((10L, "name", "import.required"), reasons);
        Assert.All(summary.FirstRejections, r => Assert.False(string.IsNullOrEmpty(r.Chinese) || string.IsNullOrEmpty(r.English)));

        var stored = await PeopleAsync(app, Enumerable.Range(1, 8).Select(Key).Append(BadCheck(Key(2))));
        Assert.Equal(["好人甲", "好人乙"], stored.Select(p => p.Name));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_changed_line_closes_the_current_version_and_the_history_is_kept(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var day = new DateOnly(1902, 1, 1);
        var (same, moved, fresh) = (Id(day, 901), Id(day, 902), Id(day, 903));
        var first = await ImportAsync(app, "population", Csv(PersonHeader, Person(same, "不变"), Person(moved, "迁址前")));
        Assert.Equal((2L, 0L, 0L), (first.Added, first.Changed, first.Unchanged));

        var second = await ImportAsync(app, "population", Csv(PersonHeader,
            Person(same, "不变"), Person(moved, "迁址前", address: "铁岭县新台子镇懿路村99号", status: "moved-out"), Person(fresh, "新来")));
        Assert.Equal((1L, 1L, 1L), (second.Added, second.Changed, second.Unchanged));

        var versions = await PeopleAsync(app, [same, moved, fresh]);
        Assert.Single(versions, p => p.IdNumber == same);
        Assert.Single(versions, p => p.IdNumber == fresh);
        var history = versions.Where(p => p.IdNumber == moved).ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal(("铁岭县新台子镇懿路村1号", PersonStatus.Living), (history[0].Address, history[0].Status));
        Assert.Equal(("铁岭县新台子镇懿路村99号", PersonStatus.MovedOut), (history[1].Address, history[1].Status));
        Assert.NotNull(history[0].ValidTo);
        Assert.Equal(history[0].ValidTo, history[1].ValidFrom);
        Assert.Null(history[1].ValidTo);
        Assert.NotEqual(history[0].ContentHash, history[1].ContentHash);
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_same_file_again_changes_nothing(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var day = new DateOnly(1903, 1, 1);
        var ids = Enumerable.Range(901, 5).Select(n => Id(day, n)).ToList();
        var content = Csv(PersonHeader, [.. ids.Select((id, i) => Person(id, "重跑" + i)), Person(BadCheck(ids[0]), "坏行")]);

        var first = await ImportAsync(app, "population", content, chunkSize: 2);
        var before = await PeopleAsync(app, ids);
        var again = await ImportAsync(app, "population", content, chunkSize: 2);

        Assert.Equal((5L, 1L), (first.Added, first.Rejected));
        Assert.Equal((0L, 0L, 5L, 1L), (again.Added, again.Changed, again.Unchanged, again.Rejected));
        Assert.NotEqual(first.RunId, again.RunId);
        var after = await PeopleAsync(app, ids);
        Assert.Equal(before.Select(p => (p.Id, p.ValidFrom, p.ValidTo)), after.Select(p => (p.Id, p.ValidFrom, p.ValidTo)));
    }

    [Theory]
    [DatabaseLanes]
    public async Task JSON_lines_load_into_every_registry_and_a_line_that_is_not_an_object_is_named(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var person = Id(new DateOnly(1904, 1, 1), 901);
        var entity = EntityCode(1);
        var population = await ImportAsync(app, "population",
            $$"""{"idNumber":"{{person}}","name":"李四","sex":"男","birthDate":"1904-01-01","ethnicity":"满族","address":"铁岭县新台子镇懿路村5号","divisionCode":"{{Village}}","householdNumber":"99990000000004","relationToHead":"户主","maritalStatus":"丧偶","status":"deceased","updatedOn":"2025-01-02"}"""
            + "\n\n{not json\n[1,2]\n", ImportFormat.JsonLines);
        Assert.Equal((1L, 2L), (population.Added, population.Rejected));
        Assert.Equal([(3L, "jsonl.syntax"), (4L, "jsonl.syntax")], population.FirstRejections.Select(r => (r.Line, r.Code)));

        var entities = await ImportAsync(app, "legal-entities",
            $$"""{"creditCode":"{{entity}}","name":"铁岭县测试商贸有限公司","entityType":"有限责任公司","legalRepresentative":"李四","address":"铁岭县新台子镇懿路村6号","divisionCode":"{{Village}}","status":"cancelled","establishedOn":"2010-05-06","businessScope":"日用百货销售","updatedOn":"2025-01-02"}""",
            ImportFormat.JsonLines);
        var geo = await ImportAsync(app, "geospatial", string.Join("\n",
            $$"""{"code":"T-JSONL-P1","kind":"place","name":"测试广场","divisionCode":"{{Village}}","geometry":{"type":"Point","coordinates":[123.5,42.1]},"updatedOn":"2025-01-02"}""",
            $$"""{"code":"T-JSONL-L1","kind":"parcel","name":"测试宗地","divisionCode":"{{Village}}","geometry":{"type":"Polygon","coordinates":[[[123.5,42.1],[123.6,42.1],[123.6,42.2],[123.5,42.1]]]},"updatedOn":"2025-01-02"}""",
            $$"""{"code":"T-JSONL-L2","kind":"parcel","name":"坏宗地","divisionCode":"{{Village}}","geometry":{"type":"LineString","coordinates":[[123.5,42.1],[123.6,42.1]]},"updatedOn":"2025-01-02"}"""),
            ImportFormat.JsonLines);
        var credit = await ImportAsync(app, "credit-lists", string.Join("\n",
            $$"""{"entryNumber":"T-JSONL-1","subjectCode":"{{entity}}","subjectName":"铁岭县测试商贸有限公司","list":"black","reason":"测试","sourceDepartment":"1121122100946870XD","listedOn":"2024-01-01","updatedOn":"2024-01-01"}""",
            $$"""{"entryNumber":"T-JSONL-2","subjectCode":"{{person}}","subjectName":"李四","list":"red","reason":"测试","sourceDepartment":"1121122100946870XD","listedOn":"2024-01-01","expiresOn":"2023-01-01","updatedOn":"2024-01-01"}"""),
            ImportFormat.JsonLines);

        Assert.Equal((1L, 0L), (entities.Added, entities.Rejected));
        Assert.Equal((2L, 1L), (geo.Added, geo.Rejected));
        Assert.Equal(("geometry", "geospatial.geometry"), (geo.FirstRejections[0].Field, geo.FirstRejections[0].Code));
        Assert.Equal((1L, 1L), (credit.Added, credit.Rejected));
        Assert.Equal(("expiresOn", "credit.expiry"), (credit.FirstRejections[0].Field, credit.FirstRejections[0].Code));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Imported_rows_read_back_through_EF_exactly_as_written(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var person = Id(new DateOnly(1905, 6, 7), 902);
        var entity = EntityCode(2);
        var started = DateTimeOffset.UtcNow;
        await ImportAsync(app, "population", Csv(PersonHeader, Person(person, "王五", status: "deceased", marital: "丧偶", household: "99990000000005", relation: "户主")));
        await ImportAsync(app, "legal-entities", Csv(EntityHeader, Entity(entity, "铁岭县读回测试有限公司", "revoked")));
        await ImportAsync(app, "geospatial", "code,kind,name,divisionCode,geometry,updatedOn\nT-READ-1,address,\"测试路1号, 东门\",211221101200,\"{\"\"type\"\":\"\"Point\"\",\"\"coordinates\"\":[123.51,42.11]}\",2025-02-03\n");
        await ImportAsync(app, "credit-lists", "entryNumber,subjectCode,subjectName,list,reason,sourceDepartment,listedOn,updatedOn\n"
            + $"T-READ-1,{person.ToLowerInvariant()},王五,black,测试,1121122100946870XD,2024-03-04,2024-03-05\n");

        var (p, e, g, c) = await WithDbAsync(app, async db => (
            await db.Persons.WhereMatches(x => x.IdNumber, person).AsNoTracking().SingleAsync(),
            await db.LegalEntities.AsNoTracking().SingleAsync(x => x.CreditCode == entity),
            await db.GeoFeatures.AsNoTracking().SingleAsync(x => x.Code == "T-READ-1"),
            await db.CreditEntries.AsNoTracking().SingleAsync(x => x.EntryNumber == "T-READ-1")));

        Assert.Equal(("王五", Sex.Female, new DateOnly(1905, 6, 7), PersonStatus.Deceased, "丧偶", "99990000000005"), (p.Name, p.Sex, p.BirthDate, p.Status, p.MaritalStatus, p.HouseholdNumber));
        Assert.Equal(new DateOnly(2025, 6, 30), p.UpdatedOn);
        Assert.InRange(p.ValidFrom, started.AddSeconds(-5), DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Null(p.ValidTo);
        Assert.Equal((EntityStatus.Revoked, new DateOnly(2015, 3, 1), "张建国"), (e.Status, e.EstablishedOn, e.LegalRepresentative));
        Assert.Equal((GeoKind.Address, "测试路1号, 东门", """{"type":"Point","coordinates":[123.51,42.11]}"""), (g.Kind, g.Name, g.Geometry));
        Assert.Equal((CreditList.Black, person, (DateOnly?)null, new DateOnly(2024, 3, 4)), (c.List, c.SubjectCode, c.ExpiresOn, c.ListedOn));
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_unknown_registry_or_a_file_without_its_columns_is_refused_before_anything_loads(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var unknown = await Assert.ThrowsAsync<DomainException>(() => ImportAsync(app, "weather", "a,b\n1,2\n"));
        Assert.Equal("import.registry_unknown", unknown.Errors[0].Code);
        var runs = await WithDbAsync(app, db => db.ImportRuns.CountAsync());
        var missing = await Assert.ThrowsAsync<DomainException>(() => ImportAsync(app, "population", "idNumber,name\n1,2\n"));
        Assert.Contains(missing.Errors, e => e.Code == "csv.column_missing" && e.Field!.EndsWith("birthDate", StringComparison.Ordinal));
        Assert.Equal(runs, await WithDbAsync(app, db => db.ImportRuns.CountAsync()));
    }
}
