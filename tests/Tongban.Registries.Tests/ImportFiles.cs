using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.PersonalData;
using Tongban.Kernel.Identifiers;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;
using Tongban.Registries.Domain;
using Tongban.Registries.Features.GenerateRecords;

namespace Tongban.Registries.Tests;

/// <summary>
/// Import files for tests. Each test makes its own keys: people born on a day of a year before any generated person
/// (the generator's oldest are born after 1925) with a sequence of 9xx, entities with organisation codes far from the
/// generator's, entry numbers with the test's own prefix. So the tests of a class can share a database in any order.
/// </summary>
internal static class ImportFiles
{
    /// <summary>A village of the demo pack (新台子镇懿路村).</summary>
    public const string Village = "211221101200";

    public const string PersonHeader = "idNumber,name,sex,birthDate,ethnicity,address,divisionCode,householdNumber,relationToHead,maritalStatus,status,updatedOn";

    public const string EntityHeader = "creditCode,name,entityType,legalRepresentative,address,divisionCode,status,establishedOn,businessScope,updatedOn";

    public static string Id(DateOnly birth, int sequence, string county = "211221")
    {
        var first17 = county + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    /// <summary>An ID number with the wrong check character.</summary>
    public static string BadCheck(string id) => id[..17] + (id[17] == '1' ? '2' : '1');

    /// <summary>A CSV line of a person; the sex follows the ID number, the birth date too, unless given.</summary>
    public static string Person(string id, string name = "测试人", string? birthDate = null, string division = Village, string status = "living",
        string marital = "已婚", string household = "99990000000001", string relation = "户主", string address = "铁岭县新台子镇懿路村1号", string? sex = null) =>
        string.Join(',', id, name, sex ?? ((id[16] - '0') % 2 == 1 ? "男" : "女"), birthDate ?? $"{id[6..10]}-{id[10..12]}-{id[12..14]}", "汉族", address, division,
            household, relation, marital, status, "2025-06-30");

    public static string Csv(string header, params string[] lines) => header + "\n" + string.Join("\n", lines) + "\n";

    public static string EntityCode(long serial) => RecordGenerator.CreditCodeFor('1', "211221", 800_000_000 + serial);

    public static string Entity(string code, string name = "测试商贸有限公司", string status = "active") =>
        string.Join(',', code, name, "有限责任公司", "张建国", "铁岭县新台子镇懿路村2号", Village, status, "2015-03-01", "日用百货销售", "2025-06-30");

    public static async Task<RegistryImportSummary> ImportAsync(TongbanApp app, string registry, string content, ImportFormat format = ImportFormat.Csv,
        int chunkSize = 50_000, IProgress<RegistryImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        await using var scope = app.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<IRegistryImport>();
        return await import.ImportAsync(new RegistryImportRequest(registry, format == ImportFormat.Csv ? "test.csv" : "test.jsonl", () => new MemoryStream(bytes, false), format, "test",
            chunkSize), progress, cancellationToken);
    }

    /// <summary>Every version of the people with these ID numbers, oldest first.</summary>
    public static async Task<List<Person>> PeopleAsync(TongbanApp app, IEnumerable<string> ids)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();
        var people = new List<Person>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal)) people.AddRange(await db.Persons.WhereMatches(p => p.IdNumber, id).AsNoTracking().ToListAsync());
        return people.OrderBy(p => p.IdNumber, StringComparer.Ordinal).ThenBy(p => p.ValidFrom).ToList();
    }

    public static async Task<T> WithDbAsync<T>(TongbanApp app, Func<RegistriesDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RegistriesDbContext>());
    }

    /// <summary>Reports on the reporting thread, when it happens.</summary>
    public sealed class Progress(Action<RegistryImportProgress> report) : IProgress<RegistryImportProgress>
    {
        public void Report(RegistryImportProgress value) => report(value);
    }
}
