using System.Text.Json;

namespace Tongban.Kernel.Calendar;

/// <summary>The holiday arrangements shipped with Tongban (Calendar/Data/cn-YYYY.json), loaded on first start.</summary>
public static class ShippedCalendars
{
    public sealed record Holiday(string Name, string? NameEn, DateOnly From, DateOnly To);

    public sealed record WorkingWeekendDay(DateOnly Date, string Name, string? NameEn);

    public sealed record YearArrangement(int Year, DateOnly Published, string Source, Holiday[] Holidays, WorkingWeekendDay[] WorkingWeekendDays)
    {
        public IEnumerable<CalendarDay> Days()
        {
            foreach (var holiday in Holidays)
                for (var d = holiday.From; d <= holiday.To; d = d.AddDays(1))
                    yield return CalendarDay.Create(d, CalendarDayKind.Holiday, holiday.Name, holiday.NameEn);
            foreach (var day in WorkingWeekendDays)
                yield return CalendarDay.Create(day.Date, CalendarDayKind.WorkingDay, day.Name, day.NameEn);
        }
    }

    public static IReadOnlyList<YearArrangement> Load()
    {
        var assembly = typeof(ShippedCalendars).Assembly;
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(".Calendar.Data.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                return JsonSerializer.Deserialize<YearArrangement>(stream, options)!;
            })
            .ToList();
    }
}
