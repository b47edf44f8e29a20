using Tongban.Applications.Domain;
using static Tongban.Applications.Tests.CaseBuilder;

namespace Tongban.Applications.Tests;

/// <summary>Working-day limits from the kernel calendar, across the Spring Festival 2026 (15–23 Feb off, 14 and 28 Feb worked).</summary>
public sealed class DeadlineTests
{
    private static readonly DateOnly Accepted = new(2026, 2, 12); // Thursday before the holiday

    [Fact]
    public void Five_working_days_from_the_12th_of_February_skip_the_holiday_and_count_the_make_up_Saturday()
    {
        var d = Deadline.On(new DateOnly(2026, 2, 13), Accepted, 5, [], Calendar, 0.2m);
        Assert.Equal((new DateOnly(2026, 2, 26), 4, DeadlineLevel.Normal), (d.DueOn, d.Remaining, d.Level)); // 13, 14(Sat), 24, 25, 26
    }

    [Fact]
    public void A_hearing_across_the_holiday_adds_back_only_its_working_days()
    {
        ClockStop[] stops = [new(StopKind.Hearing, "听证", new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 24))];
        var d = Deadline.On(new DateOnly(2026, 2, 25), Accepted, 5, stops, Calendar, 0.2m);
        Assert.Equal((2, new DateOnly(2026, 2, 28), 3, DeadlineLevel.Normal), (d.Stopped, d.DueOn, d.Remaining, d.Level)); // 14 Feb and 24 Feb were stopped
    }

    [Fact]
    public void An_open_stop_moves_the_due_date_with_it()
    {
        ClockStop[] stops = [new(StopKind.ExpertReview, "专家评审", new DateOnly(2026, 2, 13), null)];
        var d = Deadline.On(new DateOnly(2026, 2, 25), Accepted, 5, stops, Calendar, 0.2m);
        Assert.True(d.ClockStopped);
        Assert.Equal(new DateOnly(2026, 3, 2), d.DueOn); // 14, 24, 25 stopped: eight working days after the 12th, 28 Feb worked
    }

    [Theory]
    [InlineData("2026-02-26", 2, "Normal")]
    [InlineData("2026-02-27", 1, "Warning")]
    [InlineData("2026-02-28", 0, "Warning")]
    [InlineData("2026-03-02", -1, "Overdue")]
    public void Yellow_when_a_fifth_or_less_remains_and_red_when_overdue(string today, int remaining, string level)
    {
        ClockStop[] stops = [new(StopKind.Hearing, "听证", new DateOnly(2026, 2, 13), new DateOnly(2026, 2, 24))];
        var d = Deadline.On(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), Accepted, 5, stops, Calendar, 0.2m);
        Assert.Equal((remaining, level), (d.Remaining, d.Level.ToString()));
    }

    [Fact]
    public void The_warning_share_is_configurable()
    {
        var d = Deadline.On(new DateOnly(2026, 2, 24), Accepted, 5, [], Calendar, 0.5m); // 2 of 5 left
        Assert.Equal((2, DeadlineLevel.Warning), (d.Remaining, d.Level));
    }

    [Fact]
    public void A_concluded_case_keeps_the_deadline_of_its_conclusion_day()
    {
        var c = new CaseBuilder().Decided().Then(x => x.Conclude(Delivery.Electronic, null, Clerk, new DateOnly(2026, 3, 5), At)).Build();
        Assert.Equal((2, DeadlineLevel.Normal), (c.DeadlineOn(new DateOnly(2026, 6, 1), Calendar, 0.2m).Remaining, c.DeadlineOn(new DateOnly(2026, 6, 1), Calendar, 0.2m).Level));
    }
}
