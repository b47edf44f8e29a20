using System.Security.Claims;
using Tongban.Kernel.Security;

namespace Tongban.Kernel.Tests;

public sealed class StaffScopeTests
{
    private static StaffScope Scope(params string[] divisions) =>
        StaffScope.Of(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(StaffClaims.Department, "11211200MB0000000X"), .. divisions.Select(d => new Claim(StaffClaims.Division, d))], "test")));

    [Fact]
    public void Reads_department_station_and_divisions_from_the_claims()
    {
        var scope = Scope("211221000000");
        Assert.Equal("11211200MB0000000X", scope.DepartmentCode);
        Assert.Null(scope.StationKey);
        Assert.Equal(["211221000000"], scope.Divisions);
    }

    [Theory]
    [InlineData("211221000000", true)]   // the county itself
    [InlineData("211221101000", true)]   // a township in it
    [InlineData("211221101201", true)]   // a village in it
    [InlineData("211202000000", false)]  // another county
    [InlineData("211200000000", false)]  // the city above it
    [InlineData("not-a-code", false)]
    public void A_county_scope_covers_the_county_and_what_lies_in_it(string division, bool covered) =>
        Assert.Equal(covered, Scope("211221000000").Covers(division));

    [Fact]
    public void No_divisions_is_the_whole_region() => Assert.True(Scope().Covers("211202000000"));
}
