using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.PersonalData;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;
using static Tongban.Registries.Tests.ImportFiles;

namespace Tongban.Registries.Tests;

/// <summary>
/// Resident ID numbers in the registries are sealed at rest (the person's ID number, a credit entry's subject code, a
/// legal representative's ID number): what plain SQL sees, how look-ups still find them, and what a key rotation does.
/// </summary>
public sealed class PersonalDataAtRestTests
{
    private static readonly RegistryRead Social = new("client:social-security", "11211200MB1234567X", "clerk-0042", "社会保险待遇资格认证", "population-basic");

    private static readonly string[] Tables = ["reg_persons", "reg_legal_entities", "reg_credit_entries"];

    private const string DemoCitizen = "211221196805129013";

    [Theory, DatabaseLanes]
    public async Task Imported_ID_numbers_are_in_no_registry_row_in_clear_and_exact_look_ups_find_them_by_their_index(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using var app = new TongbanApp(database);
        var (person, entity) = await ImportSubjectAsync(app, new DateOnly(1903, 3, 3));

        foreach (var table in Tables)
        {
            var text = await RawSql.TableTextAsync(database, table);
            Assert.DoesNotContain(person, text, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoCitizen, text, StringComparison.Ordinal); // the demo pack's records, sealed by the same import
        }
        Assert.All(await RawSql.RowsAsync(database, "SELECT id_number, id_number_index FROM reg_persons"), row =>
        {
            Assert.StartsWith(PersonalDataProtector.Prefix, row[0], StringComparison.Ordinal);
            Assert.NotNull(row[1]);
        });
        await AssertFoundAsync(app, person, entity);
    }

    [Theory, DatabaseLanes]
    public async Task After_a_rotation_and_the_reseal_every_registry_value_is_under_the_new_key_and_still_found(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using var app = new TongbanApp(database);
        var (person, entity) = await ImportSubjectAsync(app, new DateOnly(1903, 4, 4));
        Assert.Equal(2, app.Services.GetRequiredService<PersonalDataKeyStore>().Rotate().CurrentId);

        // Rows sealed under key 1 still open and are still found before the reseal ...
        await AssertFoundAsync(app, person, entity);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await PersonalDataResealer.ResealAsync(scope.ServiceProvider.GetRequiredService<RegistriesDbContext>(), 3, CancellationToken.None) > 0);

        // ... and after it every sealed registry value is under key 2, and an import of the same lines finds them unchanged.
        foreach (var sql in new[] { "SELECT id_number FROM reg_persons", "SELECT subject_code FROM reg_credit_entries", "SELECT legal_representative_id_number FROM reg_legal_entities" })
            Assert.All((await RawSql.RowsAsync(database, sql)).Select(r => r[0]).OfType<string>(), value => Assert.StartsWith("pd1.2.", value, StringComparison.Ordinal));
        await AssertFoundAsync(app, person, entity);
        var again = await ImportAsync(app, "population", Csv(PersonHeader, Person(person, "封存者")));
        Assert.Equal((0L, 0L, 1L), (again.Added, again.Changed, again.Unchanged));
    }

    [Theory, DatabaseLanes]
    public async Task A_query_comparing_a_sealed_registry_column_with_a_value_is_refused_with_the_way_that_works(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using var app = new TongbanApp(database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();

        var refusals = new[]
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.Persons.Where(p => p.IdNumber == DemoCitizen).ToListAsync()),
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.CreditEntries.Where(c => c.SubjectCode == DemoCitizen).ToListAsync()),
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.LegalEntities.Where(e => e.LegalRepresentativeIdNumber == DemoCitizen).ToListAsync()),
        };
        Assert.All(refusals, e => Assert.Contains("WhereMatches", e.Message, StringComparison.Ordinal));
        Assert.Single(await db.Persons.WhereMatches(p => p.IdNumber, DemoCitizen).Where(p => p.ValidTo == null).ToListAsync());
    }

    /// <summary>A person, an entity they represent and a black-list entry about them, imported as files are.</summary>
    private static async Task<(string Person, string Entity)> ImportSubjectAsync(TongbanApp app, DateOnly birth)
    {
        var (person, entity) = (Id(birth, 901), EntityCode(birth.DayNumber));
        Assert.Equal(1L, (await ImportAsync(app, "population", Csv(PersonHeader, Person(person, "封存者")))).Added);
        Assert.Equal(1L, (await ImportAsync(app, "legal-entities", Csv(EntityHeader + ",legalRepresentativeIdNumber", Entity(entity) + "," + person))).Added);
        Assert.Equal(1L, (await ImportAsync(app, "credit-lists", Csv("entryNumber,subjectCode,subjectName,list,reason,sourceDepartment,listedOn,updatedOn",
            $"PD-{birth:yyyyMMdd},{person},封存者,black,测试,1121122100946870XD,2024-03-04,2024-03-05"))).Added);
        return (person, entity);
    }

    /// <summary>The look-ups behind the exchange, verification and facts find the person by ID number and give it back in clear.</summary>
    private static async Task AssertFoundAsync(TongbanApp app, string person, string entity)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var records = scope.ServiceProvider.GetRequiredService<IRegistryRecords>();
        var found = Assert.Single(await records.ReadAsync(RegistryKind.Population, person, ["idNumber", "name"], Social, default));
        Assert.Equal((person, "封存者"), ((string?)found.Fields["idNumber"], (string?)found.Fields["name"]));
        var listed = Assert.Single(await records.ReadAsync(RegistryKind.CreditLists, person, ["subjectCode", "list"], Social, default));
        Assert.Equal(person, listed.Fields["subjectCode"]);
        var verification = scope.ServiceProvider.GetRequiredService<IRegistryVerification>();
        Assert.Equal(RepresentativeCheck.Representative, await verification.VerifyRepresentativeAsync(entity, "测试商贸有限公司", person, Social, default));
        var db = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();
        Assert.Equal(entity, (await db.LegalEntities.WhereMatches(e => e.LegalRepresentativeIdNumber, person).SingleAsync()).CreditCode);
    }
}
