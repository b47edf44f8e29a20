using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Organization.Contracts;

namespace Tongban.Organization.Domain;

/// <summary>
/// A session beyond the working-day hours, served by some of the hall's windows: an extension on working days
/// (延时服务, e.g. Monday to Friday 17:00–19:00, or through the lunch break) or an opening on rest days (周末不打烊, e.g.
/// Saturday 09:00–12:00). It runs on the <see cref="Days"/> of the week between <see cref="StartsOn"/> and
/// <see cref="EndsOn"/> (either open); a weekend session runs on a statutory holiday only when <see cref="OnHolidays"/>.
/// </summary>
internal sealed record ExtraSession(
    HallSessionKind Kind, List<DayOfWeek> Days, TimeOnly From, TimeOnly To, List<string> Windows,
    DateOnly? StartsOn = null, DateOnly? EndsOn = null, bool OnHolidays = false)
{
    public bool RunsOn(DateOnly date, WorkingDayCalendar calendar) =>
        SessionCalendar.Runs(Kind, Days, StartsOn, EndsOn, OnHolidays, date, calendar);

    /// <summary>Whether both may run on one day at overlapping times.</summary>
    public bool Overlaps(ExtraSession other) =>
        Kind == other.Kind && Days.Intersect(other.Days).Any() && From < other.To && other.From < To
        && (StartsOn ?? DateOnly.MinValue) <= (other.EndsOn ?? DateOnly.MaxValue) && (other.StartsOn ?? DateOnly.MinValue) <= (EndsOn ?? DateOnly.MaxValue);

    public HallExtraSession ToInfo() => new(Kind, [.. Days], From, To, [.. Windows], StartsOn, EndsOn, OnHolidays);

    /// <summary>"延时服务 周一至周五 17:00–19:00", as the public page and the messages name it.</summary>
    public string Describe(bool chinese) => SessionCalendar.Describe(Kind, Days, From, To, chinese);
}

/// <summary>The one rule of when an extra session runs, used by the hall, its page and <see cref="HallInfo.SessionsOn"/>.</summary>
internal static class SessionCalendar
{
    public static bool Runs(HallSessionKind kind, IEnumerable<DayOfWeek> days, DateOnly? startsOn, DateOnly? endsOn, bool onHolidays, DateOnly date, WorkingDayCalendar calendar) =>
        (startsOn is null || date >= startsOn) && (endsOn is null || date <= endsOn) && days.Contains(date.DayOfWeek)
        && kind switch
        {
            HallSessionKind.Extended => calendar.IsWorkingDay(date),
            HallSessionKind.Weekend => !calendar.IsWorkingDay(date) && (onHolidays || !calendar.IsHoliday(date)),
            _ => false,
        };

    private static readonly string[] ChineseDays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
    private static readonly string[] EnglishDays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static string KindName(HallSessionKind kind, bool chinese) => kind switch
    {
        HallSessionKind.Extended => chinese ? "延时服务" : "Extended hours",
        HallSessionKind.Weekend => chinese ? "周末不打烊" : "Weekend service",
        _ => chinese ? "工作日" : "Working days",
    };

    /// <summary>Days as a reader says them, Monday first: 周一至周五, 周六、周日.</summary>
    public static string DaysText(IEnumerable<DayOfWeek> days, bool chinese)
    {
        var order = days.Distinct().Select(d => ((int)d + 6) % 7).Order().ToList(); // Monday 0 … Sunday 6
        var names = chinese ? ChineseDays : EnglishDays;
        string Name(int i) => names[(i + 1) % 7];
        var parts = new List<string>();
        for (var i = 0; i < order.Count;)
        {
            var j = i;
            while (j + 1 < order.Count && order[j + 1] == order[j] + 1) j++;
            parts.Add(j - i >= 2 ? (chinese ? $"{Name(order[i])}至{Name(order[j])}" : $"{Name(order[i])}–{Name(order[j])}")
                : j > i ? (chinese ? $"{Name(order[i])}、{Name(order[j])}" : $"{Name(order[i])}, {Name(order[j])}")
                : Name(order[i]));
            i = j + 1;
        }
        return string.Join(chinese ? "、" : ", ", parts);
    }

    public static string Describe(HallSessionKind kind, IEnumerable<DayOfWeek> days, TimeOnly from, TimeOnly to, bool chinese) =>
        $"{KindName(kind, chinese)} {DaysText(days, chinese)} {from:HH\\:mm}–{to:HH\\:mm}";
}

/// <summary>The checks on a hall's extra sessions against its hours, its windows and each other; every fault at once.</summary>
internal static class ExtraSessionRules
{
    public static List<DomainError> Check(IReadOnlyList<ExtraSession> sessions, IReadOnlyList<OpeningSession> hours, IReadOnlyCollection<string> windows)
    {
        var errors = new List<DomainError>();
        for (var i = 0; i < sessions.Count; i++)
        {
            var s = sessions[i];
            var (zh, en) = (s.Describe(true), s.Describe(false));
            if (s.Kind is not (HallSessionKind.Extended or HallSessionKind.Weekend))
                errors.Add(new("hall.extra_kind", "请选择时段类型：延时服务或周末不打烊", "Choose the kind of session: extended hours or weekend service", Field: "kind"));
            if (s.Days.Count == 0)
                errors.Add(new("hall.extra_days", $"请选择{KindName(s)}时段适用的星期", "Choose the days of the week the session runs on", Field: "days"));
            if (s.To <= s.From)
                errors.Add(new("hall.extra_order", $"{zh}的结束时间应晚于开始时间", $"{en} ends before it starts", Field: "to"));
            if (s.StartsOn is { } start && s.EndsOn is { } end && end < start)
                errors.Add(new("hall.extra_dates", $"{zh}的截止日期早于起始日期", $"{en} ends on a date before it starts", Field: "ends_on"));
            if (s.Windows.Count == 0)
                errors.Add(new("hall.extra_windows", $"请为{zh}选择提供服务的窗口", $"Choose the windows that serve in {en}", Field: "windows"));
            var unknown = s.Windows.Where(w => !windows.Contains(w)).ToList();
            if (unknown.Count > 0)
                errors.Add(new("hall.extra_window_unknown", $"本大厅没有{string.Join("、", unknown)}号窗口（{zh}）", $"This hall has no window {string.Join(", ", unknown)} ({en})", Field: "windows"));
            if (s.Kind == HallSessionKind.Extended && s.To > s.From && hours.FirstOrDefault(h => s.From < h.To && h.From < s.To) is { } clash)
                errors.Add(new("hall.extra_overlaps_hours", $"{zh}与工作日办公时段{clash.From:HH\\:mm}–{clash.To:HH\\:mm}重叠", $"{en} overlaps the working-day session {clash.From:HH\\:mm}–{clash.To:HH\\:mm}", Field: "from"));
            if (s.To > s.From && sessions.Take(i).FirstOrDefault(o => o.To > o.From && o.Overlaps(s)) is { } other)
                errors.Add(new("hall.extra_overlap", $"{zh}与{other.Describe(true)}重叠", $"{en} overlaps {other.Describe(false)}", Field: "from"));
        }
        return errors;
    }

    private static string KindName(ExtraSession s) => SessionCalendar.KindName(s.Kind, true);
}
