using System.Globalization;

namespace Tongban.DemoDepartments;

/// <summary>
/// The healthcare security bureau's own system (医疗保障): each person's enrolment in basic medical insurance (employees'
/// for adults of working age who work, residents' for the rest), its status and the months contributed. Generated from the
/// ID number; the deceased are ended, people who moved out suspended.
/// </summary>
internal static class MedicalInsurance
{
    public sealed record Lookup(string? Key);

    public sealed record Enrolment(string InsuranceType, string InsuredStatus, string StartedOn, string PaidUntil, int ContributionMonths, decimal MonthlyAmount);

    public static void Map(WebApplication app, IReadOnlyDictionary<string, DemoPerson> people)
    {
        var insurance = app.MapGroup("/medical-insurance");
        insurance.MapPost("/enrolments", (Lookup lookup) => EnrolmentOf(people, lookup.Key) is { } e ? Results.Ok(e) : Results.NotFound());
        insurance.MapPost("/contributions", (Lookup lookup) => EnrolmentOf(people, lookup.Key) is { } e
            ? Results.Ok(new { contributionMonths = e.ContributionMonths, months = LastMonths(e) })
            : Results.NotFound());
    }

    private static Enrolment? EnrolmentOf(IReadOnlyDictionary<string, DemoPerson> people, string? key)
    {
        if (key is null || !people.TryGetValue(key.Trim(), out var person)) return null;
        var random = DemoRandom.Of(person.IdNumber, "medical-insurance");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var adult = person.BirthDate.AddYears(18) <= today;
        var employee = adult && person.BirthDate.AddYears(60) > today && random.Next(0, 3) > 0;
        var started = adult ? person.BirthDate.AddYears(18 + random.Next(0, 10)) : person.BirthDate;
        if (started < new DateOnly(1999, 1, 1)) started = new DateOnly(1999, 1, 1); // basic medical insurance began in 1999
        var status = person.Status switch { "deceased" => "终止参保", "moved-out" => "暂停缴费", _ => "参保缴费" };
        var paidUntil = status == "参保缴费" ? today.AddMonths(-1) : today.AddMonths(-6 - random.Next(0, 24));
        var months = Math.Max(1, (paidUntil.Year - started.Year) * 12 + paidUntil.Month - started.Month + 1 - random.Next(0, 12));
        return new Enrolment(employee ? "职工基本医疗保险" : "城乡居民基本医疗保险", status, started.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            paidUntil.ToString("yyyy-MM", CultureInfo.InvariantCulture), months, employee ? 200m + random.Next(0, 40) * 10m : 380m / 12);
    }

    private static IEnumerable<object> LastMonths(Enrolment enrolment)
    {
        var last = DateOnly.ParseExact(enrolment.PaidUntil + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Enumerable.Range(0, Math.Min(12, enrolment.ContributionMonths))
            .Select(i => new { month = last.AddMonths(-i).ToString("yyyy-MM", CultureInfo.InvariantCulture), amount = Math.Round(enrolment.MonthlyAmount, 2) });
    }
}
