using Tongban.Kernel.Identifiers;

namespace Tongban.Kernel.Tests;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("11010519491231002X")]
    [InlineData("11010519491231002x")]
    public void A_valid_ID_number_is_accepted_and_stored_upper_case(string input)
    {
        Assert.True(ResidentIdNumber.TryParse(input, out var id, out _));
        Assert.Equal("11010519491231002X", id!.Value.Value);
        Assert.Equal(new DateOnly(1949, 12, 31), id.Value.BirthDate);
        Assert.False(id.Value.IsMale);
    }

    [Theory]
    [InlineData("110105194912310021", "id_number.check")]
    [InlineData("11010519491331002X", "id_number.birth_date")]
    [InlineData("1101051949123100", "id_number.length")]
    [InlineData("1101A519491231002X", "id_number.digits")]
    public void A_bad_ID_number_names_the_check_it_fails(string input, string code)
    {
        Assert.False(ResidentIdNumber.TryParse(input, out _, out var error));
        Assert.Equal(code, error!.Code);
    }

    [Fact]
    public void An_ID_number_shows_masked_as_first_six_and_last_four()
    {
        var id = ResidentIdNumber.Parse("11010519491231002X");
        Assert.Equal("110105********002X", id.Masked);
        Assert.Equal("110105********002X", id.ToString());
    }

    [Theory]
    [InlineData("91110000600037341L")]
    [InlineData("11211200028410570F")]
    public void A_valid_credit_code_is_accepted(string input) => Assert.True(CreditCode.TryParse(input, out _, out _));

    [Theory]
    [InlineData("91110000600037341A", "credit_code.check")]
    [InlineData("9111000060003734IL", "credit_code.alphabet")]
    [InlineData("91110000600037341", "credit_code.length")]
    public void A_bad_credit_code_names_the_check_it_fails(string input, string code)
    {
        Assert.False(CreditCode.TryParse(input, out _, out var error));
        Assert.Equal(code, error!.Code);
    }

    [Theory]
    [InlineData("210000", DivisionLevel.Province, null)]
    [InlineData("211200", DivisionLevel.City, "210000000000")]
    [InlineData("211221", DivisionLevel.County, "211200000000")]
    [InlineData("211221101", DivisionLevel.Township, "211221000000")]
    [InlineData("211221101200", DivisionLevel.Village, "211221101000")]
    public void A_division_code_knows_its_level_and_parent(string input, DivisionLevel level, string? parent)
    {
        var code = DivisionCode.Parse(input);
        Assert.Equal(12, code.Value.Length);
        Assert.Equal(level, code.Level);
        Assert.Equal(parent, code.Parent?.Value);
    }

    [Theory]
    [InlineData("2112")]
    [InlineData("21122110A")]
    [InlineData("001200")]
    [InlineData("")]
    public void A_malformed_division_code_is_refused(string input) => Assert.False(DivisionCode.TryParse(input, out _, out _));
}
