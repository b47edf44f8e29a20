using System.Globalization;

namespace Tongban.DemoDepartments;

/// <summary>
/// The housing provident fund centre's own system (住房公积金): an account per person of working age, its status,
/// balance and monthly contributions. Figures are generated from the ID number, so every run — and every test —
/// sees the same account; the deceased have closed accounts, people under 18 none.
/// </summary>
internal static class HousingFund
{
    public sealed record Lookup(string? Key);

    public sealed record Account(string AccountNumber, string AccountStatus, decimal Balance, decimal BaseAmount, decimal Rate, string EmployerName, string LastPaidMonth);

    public sealed record Contribution(string Month, decimal Amount);

    public static void Map(WebApplication app, IReadOnlyDictionary<string, DemoPerson> people)
    {
        var fund = app.MapGroup("/housing-fund");
        fund.MapPost("/accounts", (Lookup lookup) => AccountOf(people, lookup.Key) is { } account ? Results.Ok(account) : Results.NotFound());
        fund.MapPost("/contributions", (Lookup lookup) => AccountOf(people, lookup.Key) is { } account
            ? Results.Ok(new { months = Months(account) })
            : Results.NotFound());
    }

    private static Account? AccountOf(IReadOnlyDictionary<string, DemoPerson> people, string? key)
    {
        if (key is null || !people.TryGetValue(key.Trim(), out var person) || person.BirthDate.AddYears(18) > DateOnly.FromDateTime(DateTime.UtcNow)) return null;
        var random = DemoRandom.Of(person.IdNumber, "housing-fund");
        var baseAmount = 2000 + random.Next(0, 60) * 100;
        var rate = 0.05m + random.Next(0, 8) * 0.01m;
        var months = 12 + random.Next(0, 200);
        var closed = person.Status == "deceased";
        return new Account($"TL{random.Next(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture)}", closed ? "销户" : "正常",
            closed ? 0 : Math.Round(baseAmount * rate * 2 * months, 2), baseAmount, rate, Employers[random.Next(Employers.Length)],
            DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(closed ? -30 : -1).ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    private static IEnumerable<Contribution> Months(Account account)
    {
        var last = DateOnly.ParseExact(account.LastPaidMonth + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Enumerable.Range(0, 12).Select(i => new Contribution(last.AddMonths(-i).ToString("yyyy-MM", CultureInfo.InvariantCulture), account.BaseAmount * account.Rate * 2));
    }

    private static readonly string[] Employers = ["铁岭市通办示范商贸有限公司", "铁岭县新台子镇人民政府", "铁岭市第二中学", "辽宁铁岭农业发展有限公司"];
}
