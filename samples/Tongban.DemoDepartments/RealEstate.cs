using System.Globalization;

namespace Tongban.DemoDepartments;

/// <summary>
/// The real estate registration centre's own system (不动产登记): a certificate of title for some adults of the region,
/// found by its number or its property unit number (不动产单元号, printed on it and plain ASCII, so it can be a node's subject
/// key), verified against its owner, with its encumbrances (mortgages). Generated from the ID number like the housing fund's
/// accounts, so every run sees the same register; the deceased hold none.
/// </summary>
internal static class RealEstate
{
    public sealed record Verification(string? Key, string? Owner);

    public sealed record Encumbrance(string Kind, string Holder, decimal SecuredAmount, string PeriodUntil);

    public sealed record Certificate(string CertificateNumber, string UnitNumber, string RightHolder, string HolderIdNumber, string Location, string Use,
        decimal Area, string RightType, string RegisteredOn, bool Encumbered, IReadOnlyList<Encumbrance> Encumbrances);

    public static void Map(WebApplication app, IReadOnlyDictionary<string, DemoPerson> people)
    {
        var certificates = people.Values.Select(CertificateOf).OfType<Certificate>().ToList();
        var register = certificates.ToDictionary(c => c.CertificateNumber, StringComparer.Ordinal);
        foreach (var certificate in certificates) register[certificate.UnitNumber] = certificate;
        var estate = app.MapGroup("/real-estate");
        // By number or unit number (the key): the certificate and its encumbrances.
        estate.MapPost("/certificates", (Verification lookup) => Find(register, lookup.Key) is { } c ? Results.Ok(c) : Results.NotFound());
        // By number and owner: only whether they belong together, for a check that needs no more.
        estate.MapPost("/verifications", (Verification check) => Find(register, check.Key) is { } c
            ? Results.Ok(new { certificateNumber = c.CertificateNumber, ownerMatches = string.Equals(c.HolderIdNumber, check.Owner?.Trim(), StringComparison.OrdinalIgnoreCase), encumbered = c.Encumbered })
            : Results.NotFound());
        // By owner (an ID number): the numbers of the certificates they hold.
        estate.MapPost("/holdings", (Verification lookup) => Results.Ok(new
        {
            certificates = certificates.Where(c => string.Equals(c.HolderIdNumber, lookup.Key?.Trim(), StringComparison.OrdinalIgnoreCase))
                .Select(c => new { c.CertificateNumber, c.UnitNumber }),
        }));
    }

    private static Certificate? Find(Dictionary<string, Certificate> register, string? number) =>
        number is not null && register.TryGetValue(number.Trim(), out var certificate) ? certificate : null;

    private static Certificate? CertificateOf(DemoPerson person)
    {
        if (person.Status == "deceased" || person.BirthDate.AddYears(22) > DateOnly.FromDateTime(DateTime.UtcNow)) return null;
        var random = DemoRandom.Of(person.IdNumber, "real-estate");
        var year = 2016 + random.Next(0, 9);
        var number = $"辽({year.ToString(CultureInfo.InvariantCulture)})铁岭市不动产权第{random.Next(1, 9_999_999).ToString("D7", CultureInfo.InvariantCulture)}号";
        var mortgaged = random.Next(0, 3) == 0;
        Encumbrance[] encumbrances = mortgaged
            ? [new Encumbrance("抵押权", Banks[random.Next(Banks.Length)], 100_000m + random.Next(0, 40) * 10_000m, $"{(year + 20).ToString(CultureInfo.InvariantCulture)}-12-31")]
            : [];
        return new Certificate(number, UnitNumber(random),
            person.Name, person.IdNumber, Streets[random.Next(Streets.Length)] + $"{random.Next(1, 200).ToString(CultureInfo.InvariantCulture)}号", "城镇住宅用地/住宅",
            60 + random.Next(0, 900) / 10m, "国有建设用地使用权/房屋所有权", $"{year.ToString(CultureInfo.InvariantCulture)}-0{random.Next(1, 10).ToString(CultureInfo.InvariantCulture)}-15",
            mortgaged, encumbrances);
    }

    // 不动产单元号: parcel code (division, zone, GB, parcel) and the building's F, block and unit: 28 characters.
    private static string UnitNumber(Random random) => string.Create(CultureInfo.InvariantCulture,
        $"211202{random.Next(1, 999_999):D6}GB{random.Next(1, 99_999):D5}F{random.Next(1, 100):D4}{random.Next(101, 3000):D4}");

    private static readonly string[] Streets = ["铁岭市银州区广裕街", "铁岭市凡河新区金沙江路", "铁岭县新台子镇懿路村", "开原市新华街"];
    private static readonly string[] Banks = ["中国建设银行铁岭分行", "中国工商银行铁岭分行", "铁岭银行股份有限公司"];
}
