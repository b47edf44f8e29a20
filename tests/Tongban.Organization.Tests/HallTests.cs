using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Organization.Contracts;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Tests;

public sealed class HallTests
{
    private static HallProfile Profile(params OpeningSession[] hours) => new()
    {
        Name = "测试大厅", DivisionCode = "211200", Address = "测试路1号", OpeningHours = [.. hours],
    };

    private static readonly OpeningSession Morning = new(new TimeOnly(8, 30), new TimeOnly(11, 30));
    private static readonly OpeningSession Afternoon = new(new TimeOnly(13, 0), new TimeOnly(17, 0));

    [Fact]
    public void A_working_day_has_the_hours_in_order_and_the_hall_is_open_within_them_only()
    {
        var hall = Hall.Create("test-hall", Profile(Afternoon, Morning));
        Assert.Equal([Morning, Afternoon], hall.OpeningHours);
        var monday = new DateOnly(2026, 12, 14);
        var calendar = new WorkingDayCalendar([]);
        var info = hall.Info();
        Assert.Equal([(Morning.From, Morning.To), (Afternoon.From, Afternoon.To)], info.SessionsOn(monday, calendar).Select(s => (s.From, s.To)));
        Assert.All(info.SessionsOn(monday, calendar), s => Assert.Equal((HallSessionKind.Regular, (IReadOnlyList<string>?)null), (s.Kind, s.Windows)));
        Assert.Empty(info.SessionsOn(monday.AddDays(-1), calendar)); // a Sunday
        Assert.Equal(OpenState.OpenNow, info.StatusAt(calendar, monday, new TimeOnly(9, 0)).State);
        Assert.Equal(OpenState.OpensLaterToday, info.StatusAt(calendar, monday, new TimeOnly(12, 0)).State); // the lunch break
        Assert.Equal(OpenState.OpenNow, info.StatusAt(calendar, monday, new TimeOnly(16, 59)).State);
        var evening = info.StatusAt(calendar, monday, new TimeOnly(17, 0));
        Assert.Equal((OpenState.ClosedForToday, monday.AddDays(1), Morning.From), (evening.State, evening.NextOpenDay, evening.NextOpensAt));
    }

    [Fact]
    public void A_hall_without_hours_or_address_is_refused_naming_both()
    {
        var ex = Assert.Throws<DomainException>(() => Hall.Create("x", Profile() with { Address = "" }));
        Assert.Equal(["hall.address_required", "hall.hours_required"], ex.Errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData("City Centre")]
    [InlineData("中心")]
    [InlineData("-x")]
    public void A_slug_that_is_not_url_safe_is_refused(string slug) =>
        Assert.Equal("hall.slug", Assert.Throws<DomainException>(() => Hall.Create(slug, Profile(Morning))).Errors[0].Code);

    [Fact]
    public void Two_windows_with_one_number_are_refused()
    {
        var hall = Hall.Create("test-hall", Profile(Morning));
        hall.OpenWindow("A01", DepartmentId.New(), "综合窗口", null);
        var ex = Assert.Throws<DomainException>(() => hall.OpenWindow("A01", DepartmentId.New(), "另一个", null));
        Assert.Equal(ErrorKind.Conflict, ex.Kind);
    }

    [Fact]
    public void A_station_belongs_to_a_township_or_a_village()
    {
        var details = new StationDetails("驿站", StationKind.Yizhan, "211221", null, null, null, []);
        Assert.Equal("station.level", Assert.Throws<DomainException>(() => Station.Create("s", details)).Errors[0].Code);
        Assert.Equal("211221101000", Station.Create("s", details with { DivisionCode = "211221101" }).DivisionCode);
    }
}
