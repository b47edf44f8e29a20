using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.PersonalData;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Import;
using Tongban.Kernel.Seeding;
using Tongban.Registries.Contracts;
using Tongban.Registries.Domain;
using Tongban.Registries.Features.GenerateRecords;
using Tongban.Registries.Features.ImportRecords;

namespace Tongban.Registries.Tests;

public sealed class GeneratorTests
{
    private static readonly RegionPack Pack = RegionPack.Locate("tieling");
    private static readonly GeneratorRegion Region = GeneratorRegion.Read(Pack);

    private static HashSet<string> Divisions()
    {
        using var reader = new StreamReader(Pack.PathOf("divisions.csv"));
        return CsvTable.Read(reader, "divisions.csv", "code").Select(r => r["code"]).ToHashSet(StringComparer.Ordinal);
    }

    private static int Age(string[] person) => RecordGenerator.AsOf.Year - int.Parse(person[3][..4], CultureInfo.InvariantCulture);

    [Fact]
    public void Every_generated_person_passes_the_importers_checks_and_lives_in_a_real_division()
    {
        var people = new RecordGenerator(Region, 7).People(20_000).ToList();
        var format = RecordFormat.For(RegistryKind.Population, Divisions());
        var line = 1L;
        foreach (var person in people)
        {
            Assert.True(format.Check(++line, person) is not null, $"{string.Join(',', person)}: {string.Join("; ", format.Errors.Select(e => e.English))}");
            Assert.True(ResidentIdNumber.TryParse(person[0], out var id, out _));
            Assert.Equal(person[2] == "男", id!.Value.IsMale);
            Assert.Contains(person[6][..6], person[0][..6]);
        }
        Assert.Equal(20_000, people.Count);
        Assert.Equal(people.Count, people.Select(p => p[0]).Distinct().Count());
    }

    [Fact]
    public void Households_are_consistent()
    {
        var people = new RecordGenerator(Region, 11).People(30_000).ToList();
        foreach (var household in people.GroupBy(p => p[7]).SkipLast(1)) // the last household may be cut short by the count
        {
            var members = household.ToList();
            var head = Assert.Single(members, m => m[8] == "户主");
            Assert.Single(members.Select(m => (m[5], m[6])).Distinct()); // one address, one division
            foreach (var m in members)
            {
                switch (m[8])
                {
                    case "配偶":
                        Assert.NotEqual(head[2], m[2]);
                        Assert.Equal(("已婚", "已婚"), (head[9], m[9]));
                        break;
                    case "子" or "女":
                        Assert.Equal(m[8] == "子" ? "男" : "女", m[2]);
                        Assert.True(Age(head) - Age(m) >= 18, $"child {Age(m)} of head {Age(head)}");
                        Assert.True(Age(m) >= 22 || m[9] == "未婚");
                        break;
                    case "父亲" or "母亲":
                        Assert.Equal(m[8] == "父亲" ? "男" : "女", m[2]);
                        Assert.True(Age(m) - Age(head) >= 18, $"parent {Age(m)} of head {Age(head)}");
                        break;
                    case "户主":
                        break;
                    default:
                        Assert.Fail("unexpected relation " + m[8]);
                        break;
                }
            }
            Assert.InRange(members.Count, 1, 5);
        }

        var living = people.Count(p => p[10] == "living");
        Assert.InRange(living / (double)people.Count, 0.9, 0.99);
        Assert.InRange(people.Count(p => Age(p) >= 60) / (double)people.Count, 0.2, 0.45); // an ageing northeastern city
        Assert.InRange(people.Count(p => Age(p) < 15) / (double)people.Count, 0.03, 0.15);
        Assert.InRange(people.Count(p => p[4] == "汉族") / (double)people.Count, 0.75, 0.92);
        Assert.Contains(people, p => p[4] == "满族");
        Assert.Contains(people, p => p[5].EndsWith('号') && p[5].Contains('村', StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_seed_makes_the_same_records_and_a_larger_run_begins_with_a_smaller_one()
    {
        var small = new RecordGenerator(Region, 3).People(1_000).Select(p => string.Join(',', p)).ToList();
        var large = new RecordGenerator(Region, 3).People(3_000).Select(p => string.Join(',', p)).ToList();
        var other = new RecordGenerator(Region, 4).People(1_000).Select(p => string.Join(',', p)).ToList();
        Assert.Equal(small, large.Take(1_000));
        Assert.NotEqual(small, other);
        Assert.Equal(new RecordGenerator(Region, 3).Entities(50).Select(e => e[0]), new RecordGenerator(Region, 3).Entities(50).Select(e => e[0]));
    }

    [Fact]
    public void Entities_features_and_credit_entries_pass_the_checks_and_refer_to_generated_people_and_entities()
    {
        var generator = new RecordGenerator(Region, 5);
        var divisions = Divisions();
        var entities = generator.Entities(3_000).ToList();
        var people = generator.People(RecordGenerator.ReferencePeople).ToList();
        var entityFormat = RecordFormat.For(RegistryKind.LegalEntities, divisions);
        foreach (var entity in entities)
        {
            Assert.True(entityFormat.Check(1, entity) is not null, string.Join("; ", entityFormat.Errors.Select(e => e.English)));
            Assert.True(CreditCode.TryParse(entity[0], out _, out _));
            Assert.Equal('9', entity[0][0]);
            Assert.Contains(entity[0][1], "123");
            Assert.Equal(RecordGenerator.OrganisationCheck(entity[0].AsSpan(8, 8)), entity[0][16]);
            Assert.Contains(people, p => p[1] == entity[3]);
            Assert.StartsWith(entity[2] == "个体工商户" || entity[2] == "农民专业合作社" ? entity[4][..3] : "", entity[1], StringComparison.Ordinal);
        }
        Assert.Equal(entities.Count, entities.Select(e => e[0]).Distinct().Count());
        Assert.Contains(entities, e => e[1].StartsWith(Region.City, StringComparison.Ordinal) && e[1].EndsWith("有限公司", StringComparison.Ordinal));
        Assert.Contains(entities, e => e[6] == "cancelled");

        var geoFormat = RecordFormat.For(RegistryKind.Geospatial, divisions);
        var features = generator.Features(2_000).ToList();
        foreach (var feature in features)
        {
            Assert.True(geoFormat.Check(1, feature) is not null, string.Join("; ", geoFormat.Errors.Select(e => e.English)));
            var type = JsonDocument.Parse(feature[4]).RootElement.GetProperty("type").GetString();
            Assert.Equal(feature[1] == "parcel" ? "Polygon" : "Point", type);
        }
        Assert.Equal(features.Count, features.Select(f => f[0]).Distinct().Count());

        var creditFormat = RecordFormat.For(RegistryKind.CreditLists, divisions);
        var references = people.Select(p => p[0]).Concat(generator.Entities(RecordGenerator.ReferenceEntities).Select(e => e[0])).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in generator.CreditEntries(500))
        {
            Assert.True(creditFormat.Check(1, entry) is not null, string.Join("; ", creditFormat.Errors.Select(e => e.English)));
            Assert.Contains(entry[1], references);
        }
    }

    [Fact]
    public void Generated_files_are_written_in_both_formats_and_read_back_unchanged()
    {
        var generator = new RecordGenerator(Region, 9);
        var format = RecordFormat.For(RegistryKind.Geospatial, Divisions());
        foreach (var fileFormat in new[] { ImportFormat.Csv, ImportFormat.JsonLines })
        {
            using var file = new MemoryStream();
            Assert.Equal(100, RecordWriter.Write(generator.Features(100), format, fileFormat, file, CancellationToken.None));
            file.Position = 0;
            var lines = LineSource.Read(file, fileFormat, format, "generated").ToList();
            Assert.Equal(generator.Features(100).Select(f => string.Join('|', f)), lines.Select(l => string.Join('|', l.Cells!)));
        }
    }
}

public sealed class GeneratorSeedingTests(ClassLaneApps apps) : IClassFixture<ClassLaneApps>
{
    [Theory]
    [DatabaseLanes]
    public async Task The_demo_start_loads_the_fixed_demo_records_and_a_generated_set_without_a_rejected_line(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (runs, living, deceased, active, cancelled, persons) = await ImportFiles.WithDbAsync(app, async db => (
            await db.ImportRuns.AsNoTracking().ToListAsync(),
            await db.Persons.WhereMatches(p => p.IdNumber, "211221196805129013").AsNoTracking().SingleAsync(p => p.ValidTo == null),
            await db.Persons.WhereMatches(p => p.IdNumber, "211202194103089047").AsNoTracking().SingleAsync(p => p.ValidTo == null),
            await db.LegalEntities.AsNoTracking().SingleAsync(e => e.CreditCode == "91211221TB000001X2"),
            await db.LegalEntities.AsNoTracking().SingleAsync(e => e.CreditCode == "92211221TB0000028Y"),
            await db.Persons.CountAsync()));

        Assert.Equal(8, runs.Count(r => r.Status == ImportStatus.Completed && r.Rejected == 0));
        Assert.Equal(("张建国", PersonStatus.Living), (living.Name, living.Status));
        Assert.Equal(("李秀兰", PersonStatus.Deceased), (deceased.Name, deceased.Status));
        Assert.Equal((EntityStatus.Active, EntityStatus.Cancelled), (active.Status, cancelled.Status));
        Assert.True(persons >= RecordGenerator.ReferencePeople + 4);
    }
}
