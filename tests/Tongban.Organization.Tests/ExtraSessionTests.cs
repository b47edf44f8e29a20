using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Organization.Contracts;
using Tongban.Organization.Domain;
using Tongban.Organization.Features.BrowseHalls;

namespace Tongban.Organization.Tests;

/// <summary>延时服务 / 周末不打烊: when extra sessions run, what they may not do, and the 'open now' status that follows them.</summary>
public sealed class ExtraSessionTests
{
    private static readonly TimeOnly T0830 = new(8, 30), T1700 = new(17, 0), T1900 = new(19, 0), T0900 = new(9, 0), T1200 = new(12, 0);
    private static readonly List<DayOfWeek> Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly ExtraSession Evening = new(HallSessionKind.Extended, Weekdays, T1700, T1900, ["A01"]);
    private static readonly ExtraSession SaturdayMorning = new(HallSessionKind.Weekend, [DayOfWeek.Saturday], T0900, T1200, ["A01", "D01"]);

    // 2026-12-12 is a plain Saturday, 2026-12-13 a Sunday, 2026-12-14 a Monday; 2026-10-03 is a Saturday of the National Day holiday.
    private static readonly DateOnly Saturday = new(2026, 12, 12), Sunday = new(2026, 12, 13), Monday = new(2026, 12, 14), HolidaySaturday = new(2026, 10, 3);

    private static readonly WorkingDayCalendar Calendar = new([
        .. Enumerable.Range(1, 7).Select(d => (new DateOnly(2026, 10, d), CalendarDayKind.Holiday)),
        (new DateOnly(2026, 10, 10), CalendarDayKind.WorkingDay),
    ]);

    private static Hall CityHall(params ExtraSession[] extra)
    {
        var hall = Hall.Create("extra-test", new HallProfile { Name = "测试大厅", DivisionCode = "211200", Address = "测试路1号", OpeningHours = [new(T0830, T1700)] });
        foreach (var number in new[] { "A01", "A02", "D01" }) hall.OpenWindow(number, DepartmentId.New(), $"{number}窗口", null);
        hall.SetExtraSessions(extra);
        return hall;
    }

    [Fact]
    public void An_evening_extension_runs_on_working_days_after_the_hours_with_its_windows_only()
    {
        var hall = CityHall(Evening, SaturdayMorning);
        var monday = hall.SessionsOn(Monday, Calendar);
        Assert.Equal([(HallSessionKind.Regular, T0830, T1700), (HallSessionKind.Extended, T1700, T1900)], monday.Select(s => (s.Kind, s.From, s.To)));
        Assert.Null(monday[0].Windows); // every window in the hours
        Assert.Equal(["A01"], monday[1].Windows!);
        Assert.Empty(hall.SessionsOn(new DateOnly(2026, 10, 1), Calendar)); // a holiday Thursday: no hours, no extension
        // An adjusted working Saturday has the hours; the extension runs on the days it names (Monday to Friday) only,
        // and the weekend session not at all (it is not a rest day).
        Assert.Equal([HallSessionKind.Regular], hall.SessionsOn(new DateOnly(2026, 10, 10), Calendar).Select(s => s.Kind));
    }

    [Fact]
    public void A_Saturday_session_runs_on_rest_Saturdays_but_not_on_a_holiday_unless_it_says_so_and_never_on_Sunday()
    {
        var hall = CityHall(Evening, SaturdayMorning);
        var saturday = Assert.Single(hall.SessionsOn(Saturday, Calendar));
        Assert.Equal((HallSessionKind.Weekend, T0900, T1200), (saturday.Kind, saturday.From, saturday.To));
        Assert.Equal(["A01", "D01"], saturday.Windows!);
        Assert.Empty(hall.SessionsOn(Sunday, Calendar));
        Assert.Empty(hall.SessionsOn(HolidaySaturday, Calendar));
        hall.SetExtraSessions([Evening, SaturdayMorning with { OnHolidays = true }]);
        Assert.Single(hall.SessionsOn(HolidaySaturday, Calendar));
    }

    [Fact]
    public void A_date_range_limits_a_session()
    {
        var hall = CityHall(SaturdayMorning with { StartsOn = new DateOnly(2026, 12, 13), EndsOn = new DateOnly(2027, 1, 31) });
        Assert.Empty(hall.SessionsOn(Saturday, Calendar));
        Assert.Single(hall.SessionsOn(Saturday.AddDays(7), Calendar));
        Assert.Empty(hall.SessionsOn(new DateOnly(2027, 2, 6), Calendar));
    }

    [Fact]
    public void Bad_sessions_are_refused_all_at_once_naming_each_fault_in_both_languages_and_nothing_changes()
    {
        var hall = CityHall(Evening);
        var ex = Assert.Throws<DomainException>(() => hall.SetExtraSessions([
            Evening with { From = new TimeOnly(16, 0) },                                    // into the working-day hours
            Evening with { From = T1900, To = new TimeOnly(18, 0) },                        // ends before it starts
            SaturdayMorning with { Windows = ["A01", "Z99"] },                              // no such window
            SaturdayMorning with { From = new TimeOnly(11, 0), To = new TimeOnly(13, 0) }, // overlaps the Saturday above
            SaturdayMorning with { Days = [], From = new TimeOnly(14, 0), To = new TimeOnly(15, 0), Windows = [] },
        ]));
        Assert.Equal(
            ["hall.extra_overlaps_hours", "hall.extra_order", "hall.extra_window_unknown", "hall.extra_overlap", "hall.extra_days", "hall.extra_windows"],
            ex.Errors.Select(e => e.Code));
        Assert.Contains("延时服务 周一至周五 16:00–19:00与工作日办公时段08:30–17:00重叠", ex.Errors[0].Chinese, StringComparison.Ordinal);
        Assert.Contains("Extended hours Mon–Fri 16:00–19:00 overlaps the working-day session 08:30–17:00", ex.Errors[0].English, StringComparison.Ordinal);
        Assert.Contains("Z99", ex.Errors[2].Chinese, StringComparison.Ordinal);
        Assert.Equal(["延时服务 周一至周五 17:00–19:00"], hall.ExtraSessions.Select(s => s.Describe(true))); // unchanged
    }

    [Fact]
    public void Hours_moved_into_an_extension_and_closing_a_window_that_serves_in_one_are_refused()
    {
        var hall = CityHall(Evening);
        var ex = Assert.Throws<DomainException>(() => hall.Update(hall.Profile with { OpeningHours = [new(T0830, new TimeOnly(18, 0))] }));
        Assert.Equal("opening_hours", Assert.Single(ex.Errors).Field);
        Assert.Equal([new OpeningSession(T0830, T1700)], hall.OpeningHours);
        var a01 = hall.Windows.Single(w => w.Number == "A01");
        Assert.Equal(ErrorKind.Conflict, Assert.Throws<DomainException>(() => hall.CloseWindow(a01.Id)).Kind);
        hall.CloseWindow(hall.Windows.Single(w => w.Number == "A02").Id); // serves in none
    }

    [Theory]
    [InlineData("Monday Tuesday Wednesday Thursday Friday", "周一至周五", "Mon–Fri")]
    [InlineData("Saturday Sunday", "周六、周日", "Sat, Sun")]
    [InlineData("Monday Wednesday Thursday Friday Saturday", "周一、周三至周六", "Mon, Wed–Sat")]
    [InlineData("Sunday", "周日", "Sun")]
    public void Days_read_as_people_say_them(string days, string chinese, string english)
    {
        var list = days.Split(' ').Select(Enum.Parse<DayOfWeek>).ToList();
        Assert.Equal((chinese, english), (SessionCalendar.DaysText(list, true), SessionCalendar.DaysText(list, false)));
    }

    [Fact]
    public void Open_now_follows_the_extra_sessions()
    {
        var hall = CityHall(Evening, SaturdayMorning);
        var evening = HallQueries.Status(hall, Calendar, Monday, new TimeOnly(18, 0));
        Assert.Equal((OpenState.OpenNow, HallSessionKind.Extended, T1900), (evening.State, evening.Session, evening.Until));
        var late = HallQueries.Status(hall, Calendar, Monday, new TimeOnly(19, 0));
        Assert.Equal((OpenState.ClosedForToday, Monday.AddDays(1), T0830), (late.State, late.NextOpenDay, late.NextOpensAt));

        var saturday = HallQueries.Status(hall, Calendar, Saturday, new TimeOnly(10, 0));
        Assert.Equal((OpenState.OpenNow, HallSessionKind.Weekend, T1200), (saturday.State, saturday.Session, saturday.Until));
        var early = HallQueries.Status(hall, Calendar, Saturday, new TimeOnly(8, 0));
        Assert.Equal((OpenState.OpensLaterToday, T0900, HallSessionKind.Weekend), (early.State, early.OpensAt, early.OpensWith));
        Assert.Equal(OpenState.ClosedForToday, HallQueries.Status(hall, Calendar, Saturday, new TimeOnly(12, 0)).State);

        var sunday = HallQueries.Status(hall, Calendar, Sunday, new TimeOnly(10, 0));
        Assert.Equal((OpenState.ClosedNonWorkingDay, Monday, T0830), (sunday.State, sunday.NextOpenDay, sunday.NextOpensAt));
        Assert.Equal(OpenState.ClosedNonWorkingDay, HallQueries.Status(hall, Calendar, HolidaySaturday, new TimeOnly(10, 0)).State);

        // Friday evening after the extension: the next opening is Saturday morning, not Monday.
        var friday = HallQueries.Status(hall, Calendar, Saturday.AddDays(-1), new TimeOnly(20, 0));
        Assert.Equal((Saturday, T0900), (friday.NextOpenDay!.Value, friday.NextOpensAt!.Value));
    }
}
