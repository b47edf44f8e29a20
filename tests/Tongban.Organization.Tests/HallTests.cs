using Tongban.Kernel.Errors;
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
    public void A_hall_is_open_within_its_sessions_only()
    {
        var hall = Hall.Create("test-hall", Profile(Afternoon, Morning));
        Assert.True(hall.IsWithinHours(new TimeOnly(9, 0)));
        Assert.False(hall.IsWithinHours(new TimeOnly(12, 0)));
        Assert.True(hall.IsWithinHours(new TimeOnly(16, 59)));
        Assert.False(hall.IsWithinHours(new TimeOnly(17, 0)));
        Assert.Equal([Morning, Afternoon], hall.OpeningHours);
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
