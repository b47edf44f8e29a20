using System.Net.Http.Json;
using Tongban.Organization.Contracts;

namespace Tongban.Organization.Tests;

/// <summary>The Tieling pack loads on first start and is served by the API.</summary>
public sealed class DemoRegionTests(LaneApps apps)
{
    private sealed record Hall(string Slug, string Name, string Address);

    private sealed record HallDetail(string Slug, Profile Profile, Window[] Windows);

    private sealed record Profile(string Address, string[] BusRoutes, string BusStop, Session[] OpeningHours, int FloorArea, int DepartmentCount, int StaffCount, string FoundedOn);

    private sealed record Session(string From, string To);

    private sealed record Window(string Number, string DepartmentName);

    [Theory]
    [DatabaseLanes]
    public async Task The_city_centre_is_described_as_the_source_report_says(DatabaseLane lane)
    {
        var client = (await apps.For(lane)).CreateClient();
        var hall = await client.GetFromJsonAsync<HallDetail>("/api/organization/halls/city-centre");

        Assert.Equal("凡河新区金沙江路36号", hall!.Profile.Address);
        Assert.Equal(["2路", "16路", "101路", "102路", "202路北环", "202路南环"], hall.Profile.BusRoutes);
        Assert.Equal("市政府站", hall.Profile.BusStop);
        Assert.Equal([new Session("08:30:00", "17:00:00")], hall.Profile.OpeningHours);
        Assert.Equal((8100, 39, 240, "2001-10-01"), (hall.Profile.FloorArea, hall.Profile.DepartmentCount, hall.Profile.StaffCount, hall.Profile.FoundedOn));
        Assert.True(hall.Windows.Select(w => w.DepartmentName).Distinct().Count() >= 39);
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_city_has_its_seven_county_level_units_and_39_departments(DatabaseLane lane)
    {
        var client = (await apps.For(lane)).CreateClient();
        var counties = await client.GetFromJsonAsync<DivisionInfo[]>("/api/organization/divisions?parent=211200");
        Assert.Equal(["211202000000", "211204000000", "211221000000", "211223000000", "211224000000", "211281000000", "211282000000"],
            counties!.Select(c => c.Code));

        var departments = await client.GetFromJsonAsync<DepartmentInfo[]>("/api/organization/departments");
        Assert.Equal(39, departments!.Count(d => d.DivisionCode == "211200000000"));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Tieling_county_is_complete_down_to_its_villages(DatabaseLane lane)
    {
        var client = (await apps.For(lane)).CreateClient();
        var townships = await client.GetFromJsonAsync<DivisionInfo[]>("/api/organization/divisions?parent=211221");
        Assert.True(townships!.Length >= 10);
        foreach (var township in townships.Where(t => !t.Name.EndsWith("街道", StringComparison.Ordinal)).Take(3))
        {
            var villages = await client.GetFromJsonAsync<DivisionInfo[]>($"/api/organization/divisions?parent={township.Code}");
            Assert.NotEmpty(villages!);
            Assert.All(villages!, v => Assert.Equal(5, v.Level));
        }
    }

    [Theory]
    [DatabaseLanes]
    public async Task There_are_at_least_ten_stations_at_township_or_village_level(DatabaseLane lane)
    {
        var client = (await apps.For(lane)).CreateClient();
        var stations = await client.GetFromJsonAsync<System.Text.Json.JsonElement[]>("/api/organization/stations");
        Assert.True(stations!.Length >= 10);
        Assert.All(stations, s => Assert.DoesNotMatch("000000$", s.GetProperty("divisionCode").GetString()!));
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_public_station_list_names_staff_without_their_mobile_numbers(DatabaseLane lane)
    {
        var client = (await apps.For(lane)).CreateClient();
        var json = await client.GetStringAsync("/api/organization/stations");
        var staff = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().SelectMany(s => s.GetProperty("staff").EnumerateArray()).ToList();

        Assert.NotEmpty(staff);
        Assert.All(staff, p => Assert.False(p.TryGetProperty("phone", out _), p.ToString()));
        Assert.DoesNotContain("13714755275", json, StringComparison.Ordinal); // 王秀华's mobile in the demo pack's station_staff.csv
    }
}
