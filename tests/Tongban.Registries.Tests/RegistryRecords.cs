using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Identifiers;
using Tongban.Registries.Data;
using Tongban.Registries.Domain;

namespace Tongban.Registries.Tests;

/// <summary>Writes registry records straight into a test app's database, for tests of reading them.</summary>
internal static class RegistryRecords
{
    private static int _serial;

    /// <summary>A valid ID number no other test uses: a real county code, a birth date, a serial, the check character.</summary>
    public static string NewIdNumber(DateOnly? birth = null, bool male = true)
    {
        var serial = Interlocked.Increment(ref _serial);
        var order = serial % 499 * 2 + (male ? 1 : 0);
        var date = birth ?? new DateOnly(1950, 1, 1).AddDays(serial / 499 % 20000);
        var first17 = $"211221{date:yyyyMMdd}{order:000}";
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    public static Person Person(string idNumber, string name, PersonStatus status = PersonStatus.Living, DateTimeOffset? validFrom = null, DateTimeOffset? validTo = null,
        string address = "铁岭县新台子镇新台子村12号", string maritalStatus = "已婚", long hash = 1) => new()
    {
        IdNumber = idNumber, Name = name, Sex = Sex.Male, BirthDate = ResidentIdNumber.Parse(idNumber).BirthDate, Ethnicity = "汉族",
        Address = address, DivisionCode = "211221101000", HouseholdNumber = "H" + idNumber[^8..], RelationToHead = "户主",
        MaritalStatus = maritalStatus, Status = status, UpdatedOn = new DateOnly(2026, 5, 1),
        ValidFrom = validFrom ?? new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), ValidTo = validTo, ContentHash = hash,
    };

    public static LegalEntity Entity(string creditCode, string name, EntityStatus status = EntityStatus.Active) => new()
    {
        CreditCode = creditCode, Name = name, EntityType = "有限责任公司", LegalRepresentative = "张伟", Address = "铁岭市银州区广裕街1号",
        DivisionCode = "211202000000", Status = status, EstablishedOn = new DateOnly(2015, 3, 2), BusinessScope = "日用百货销售",
        UpdatedOn = new DateOnly(2026, 4, 1), ValidFrom = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), ContentHash = 1,
    };

    /// <summary>A valid credit code no other test uses.</summary>
    public static string NewCreditCode()
    {
        var serial = Interlocked.Increment(ref _serial);
        var first17 = $"912112000{serial:D8}";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    public static async Task AddAsync(TongbanApp app, params object[] records)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();
        db.AddRange(records);
        await db.SaveChangesAsync();
    }
}
