using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Seeding;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;

namespace Tongban.Registries.Tests;

/// <summary>
/// The facts departments' own systems keep (<c>department_facts.csv</c>): loaded with the demo region, every bad line of a
/// pack named and nothing written, and a read refused before any system is asked when the fact or the subject is wrong.
/// The reads through running nodes: Tongban.Nodes.Tests' DepartmentFactTests.
/// </summary>
public sealed class DepartmentFactTests(LaneApps apps)
{
    private static readonly RegistryRead Read = new("module:applications", null, "test-user", "测试用途", "fact");

    [Theory]
    [DatabaseLanes]
    public async Task The_demo_regions_facts_are_loaded_with_their_resource_purpose_and_items_in_both_languages(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        await using var scope = app.Services.CreateAsyncScope();

        var facts = await scope.ServiceProvider.GetRequiredService<RegistriesDbContext>().DepartmentFacts.AsNoTracking().OrderBy(f => f.Name).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["housing-fund.deposit", "medical-insurance.enrolment"], facts.Select(f => f.Name));
        Assert.Equal(("12211200031892486P-00001", "政务服务事项办理材料核验"), (facts[0].Resource, facts[0].Purpose));
        Assert.Equal(["accountStatus", "employerName", "baseAmount", "lastPaidMonth"], facts[0].Items.Select(i => i.Name));
        Assert.All(facts.SelectMany(f => f.Items), i => Assert.True(i.Chinese.Length > 0 && i.English.Length > 0));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_pack_with_bad_lines_is_refused_naming_each_and_nothing_is_written(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var folder = Directory.CreateTempSubdirectory("tongban-facts-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "department_facts.csv"), string.Join('\n',
                "fact,name,name_en,resource,purpose,item,item_name,item_name_en",
                ",无名,Nameless,R-1,用途,a,甲,A",                                     // line 2: no name
                "population.identity,冒名,Impostor,R-1,用途,a,甲,A",                  // line 3: a registry fact's name
                "test.differs,不一,Differs,R-1,用途,a,甲,A",
                "test.differs,不一,Differs,R-2,用途,b,乙,B",                          // another resource for the same fact
                "test.twice,两次,Twice,R-1,用途,a,甲,A",
                "test.twice,两次,Twice,R-1,用途,a,甲,A"), TestContext.Current.CancellationToken); // an item twice
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetServices<IRegionPackImporter>().Single(i => i.Name == "department facts");

            var refused = await Assert.ThrowsAsync<DomainException>(() => importer.ImportAsync(new RegionPack("broken", folder.FullName), TestContext.Current.CancellationToken));

            Assert.Equal(["department_fact.name", "department_fact.name", "department_fact.lines_differ", "department_fact.item_twice"], refused.Errors.Select(e => e.Code));
            Assert.All(refused.Errors, e => Assert.StartsWith("department_facts.csv line ", e.Field, StringComparison.Ordinal));
            Assert.False(await scope.ServiceProvider.GetRequiredService<RegistriesDbContext>().DepartmentFacts.AnyAsync(f => f.Name.StartsWith("test."), TestContext.Current.CancellationToken));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_unknown_fact_or_a_subject_that_is_no_id_number_nor_credit_code_is_refused_before_any_system_is_asked(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        await using var scope = app.Services.CreateAsyncScope();
        var registries = scope.ServiceProvider.GetRequiredService<IRegistryVerification>();

        var unknown = await Assert.ThrowsAsync<DomainException>(() => registries.FetchFactAsync("housing-fund.nothing", "211221196805129013", Read, TestContext.Current.CancellationToken));
        var loose = await Assert.ThrowsAsync<DomainException>(() => registries.FetchFactAsync("housing-fund.deposit", "2112211968*", Read, TestContext.Current.CancellationToken));
        var unstated = await Assert.ThrowsAsync<DomainException>(() => registries.FetchFactAsync("housing-fund.deposit", "211221196805129013", Read with { Purpose = " " }, TestContext.Current.CancellationToken));

        Assert.Equal(("registry.fact_unknown", ErrorKind.BadRequest), (unknown.Errors[0].Code, unknown.Errors[0].Kind));
        Assert.Equal("registry.subject_invalid", loose.Errors[0].Code);
        Assert.Equal("registry.purpose_missing", unstated.Errors[0].Code);
    }
}
