using Tongban.Kernel.Calendar;

namespace Tongban.Kernel.Tests;

public sealed class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar Calendar = new(ShippedCalendars.Load().SelectMany(y => y.Days()).Select(d => (d.Date, d.Kind)));

    [Fact]
    public void Ten_working_days_from_12_February_2026_land_after_the_Spring_Festival_break()
    {
        // Fri 13, Sat 14 (make-up day), [15–23 holiday], Tue 24 … Fri 27, Sat 28 (make-up day), Mon 2, Tue 3, Wed 4 March.
        Assert.Equal(new DateOnly(2026, 3, 4), Calendar.AddWorkingDays(new DateOnly(2026, 2, 12), 10));
    }

    [Theory]
    [InlineData("2026-02-14")]
    [InlineData("2026-02-28")]
    [InlineData("2026-01-04")]
    [InlineData("2025-09-28")]
    public void Adjusted_weekend_days_are_working_days(string date) =>
        Assert.True(Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-02-16")]
    [InlineData("2026-10-07")]
    [InlineData("2025-01-01")]
    [InlineData("2025-06-02")]
    public void Statutory_holidays_on_weekdays_are_not_working_days(string date) =>
        Assert.False(Calendar.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void An_ordinary_weekend_is_not_a_working_day_and_an_ordinary_weekday_is()
    {
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 3, 7)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 3, 9)));
    }

    [Fact]
    public void Counting_between_two_dates_agrees_with_adding()
    {
        var start = new DateOnly(2026, 9, 18);
        for (var n = 0; n <= 40; n++)
            Assert.Equal(n, Calendar.CountWorkingDays(start, Calendar.AddWorkingDays(start, n)));
    }

    [Fact]
    public void Counting_agrees_with_walking_the_days_one_by_one_across_the_shipped_years()
    {
        var random = new Random(20261127);
        var origin = new DateOnly(2024, 12, 1);
        for (var i = 0; i < 2000; i++)
        {
            var from = origin.AddDays(random.Next(800));
            var to = from.AddDays(random.Next(-400, 400));
            var (low, high) = to < from ? (to, from) : (from, to);
            var walked = 0;
            for (var d = low.AddDays(1); d <= high; d = d.AddDays(1)) if (Calendar.IsWorkingDay(d)) walked++;
            Assert.Equal(to < from ? -walked : walked, Calendar.CountWorkingDays(from, to));
        }
    }

    [Fact]
    public void National_Day_week_counts_its_make_up_Saturday()
    {
        // 30 Sep (Wed) → 1–7 Oct off → Thu 8, Fri 9, Sat 10 (make-up) are the first three working days.
        Assert.Equal(new DateOnly(2026, 10, 10), Calendar.AddWorkingDays(new DateOnly(2026, 9, 30), 3));
        Assert.Equal(3, Calendar.CountWorkingDays(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 10)));
    }

    [Fact]
    public void Counting_backwards_is_negative() =>
        Assert.Equal(-10, Calendar.CountWorkingDays(new DateOnly(2026, 3, 4), new DateOnly(2026, 2, 12)));

    [Fact]
    public void The_shipped_years_are_known_and_the_next_is_not()
    {
        Assert.True(Calendar.HasYear(2025));
        Assert.True(Calendar.HasYear(2026));
        Assert.False(Calendar.HasYear(2027));
    }

    [Fact]
    public void A_weekday_cannot_be_marked_as_an_adjusted_working_day()
    {
        var error = Assert.Throws<Errors.DomainException>(() => CalendarDay.Create(new DateOnly(2026, 3, 9), CalendarDayKind.WorkingDay, "调休", null));
        Assert.Equal("calendar.working_day_on_weekday", error.Errors[0].Code);
    }
}
