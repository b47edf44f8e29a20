using Tongban.Kernel.Errors;

namespace Tongban.Kernel.Calendar;

public enum CalendarDayKind
{
    /// <summary>A statutory holiday: no work even on a weekday.</summary>
    Holiday = 1,

    /// <summary>An adjusted working weekend day (调休): work even on a Saturday or Sunday.</summary>
    WorkingDay = 2,
}

/// <summary>An exception to the Monday–Friday rule, published yearly by the State Council; data, not code.</summary>
public sealed class CalendarDay
{
    private CalendarDay() { }

    public DateOnly Date { get; private set; }
    public CalendarDayKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string? NameEn { get; private set; }

    public static CalendarDay Create(DateOnly date, CalendarDayKind kind, string name, string? nameEn)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new DomainException(new DomainError("calendar.name_required", "请填写名称（如“春节”）", "Give the day a name (e.g. Spring Festival)", Field: "Name"));
        var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (kind == CalendarDayKind.WorkingDay && !weekend)
            throw new DomainException(new DomainError("calendar.working_day_on_weekday",
                $"{date:yyyy-MM-dd}是工作日本身，不需要设为调休上班日", $"{date:yyyy-MM-dd} is a weekday already; only a weekend day can be an adjusted working day", Field: "Date"));
        return new CalendarDay { Date = date, Kind = kind, Name = name.Trim(), NameEn = string.IsNullOrWhiteSpace(nameEn) ? null : nameEn.Trim() };
    }
}
