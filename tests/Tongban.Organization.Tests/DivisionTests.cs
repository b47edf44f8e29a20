using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Tests;

public sealed class DivisionTests
{
    private static readonly DateOnly From = new(2020, 1, 1);

    [Fact]
    public void A_village_takes_its_level_and_parent_from_its_code()
    {
        var village = Division.Create("211221101200", "懿路村", null, From, null, _ => true);
        Assert.Equal(DivisionLevel.Village, village.Level);
        Assert.Equal("211221101000", village.ParentCode);
    }

    [Fact]
    public void A_level_that_contradicts_the_code_is_refused_naming_the_level()
    {
        var ex = Assert.Throws<DomainException>(() => Division.Create("211221101000", "新台子镇", DivisionLevel.County, From, null, _ => true));
        Assert.Equal(("division.level_mismatch", "level"), (ex.Errors[0].Code, ex.Errors[0].Field));
    }

    [Fact]
    public void A_division_whose_parent_is_missing_is_refused()
    {
        var ex = Assert.Throws<DomainException>(() => Division.Create("211221101200", "懿路村", null, From, null, _ => false));
        Assert.Equal("division.parent_missing", ex.Errors[0].Code);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var ex = Assert.Throws<DomainException>(() => Division.Create("12", " ", null, From, From.AddDays(-1), _ => true));
        Assert.Equal(["division_code.format", "division.name_required", "division.validity"], ex.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Retiring_keeps_the_division_but_ends_its_validity()
    {
        var division = Division.Create("211221101000", "新台子镇", null, From, null, _ => true);
        division.Retire(new DateOnly(2025, 12, 31));
        Assert.True(division.IsValidOn(new DateOnly(2025, 12, 31)));
        Assert.False(division.IsValidOn(new DateOnly(2026, 1, 1)));
    }
}
