using Tongban.Kernel.Errors;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Tests;

public sealed class IdentifierTests
{
    // A license identifier of a public implementation whose check character verifies (domain facts).
    private const string Published = "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F";

    [Fact]
    public void The_check_character_of_a_published_identifier_is_computed_as_printed()
    {
        Assert.Equal('F', LicenseIdentifier.CheckCharacter("11100000000013338W03211220000013544541J2430599001"));
        Assert.Equal(Published, LicenseIdentifier.Parse(Published).ToString());
    }

    [Fact]
    public void A_typed_identifier_is_read_in_upper_case_and_with_spaces_trimmed()
    {
        var id = LicenseIdentifier.Parse("  " + Published.ToLowerInvariant() + " ");
        Assert.Equal(("11100000000013338W032", "11220000013544541J", "2430599", 1), (id.TypeCode, id.IssuerCode, id.Serial, id.Version));
    }

    [Theory]
    [InlineData("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.G", "license.identifier_check")]
    [InlineData("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430598.001.F", "license.identifier_check")]
    [InlineData("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.01.F", "license.identifier_format")]
    [InlineData("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.000.F", "license.identifier_format")]
    [InlineData("1.2.156.3005.2.11100000000013338W032.11220000013544541J.24305-99.001.F", "license.identifier_format")]
    [InlineData("2.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F", "license.identifier_format")]
    [InlineData("1.2.156.3005.2.11100000000013338W032.11220000013544541J.001.F", "license.identifier_format")]
    [InlineData("", "license.identifier_required")]
    public void A_malformed_identifier_or_a_wrong_check_character_is_refused_naming_it(string input, string code)
    {
        Assert.False(LicenseIdentifier.TryParse(input, out _, out var error));
        Assert.Equal(code, error!.Code);
        Assert.Equal("identifier", error.Field);
        Assert.Equal(code, Assert.Throws<DomainException>(() => LicenseIdentifier.Parse(input)).Errors[0].Code);
    }

    [Fact]
    public void Every_single_character_change_of_an_identifier_body_is_caught_by_its_check()
    {
        var id = LicenseIdentifier.Parse(Published);
        var body = id.TypeCode + id.IssuerCode + id.Serial + id.VersionText;
        const string alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (var i = 0; i < body.Length; i++)
        foreach (var c in alphabet.Where(c => c != body[i]))
            Assert.NotEqual(id.Check, LicenseIdentifier.CheckCharacter(body[..i] + c + body[(i + 1)..]));
    }

    [Fact]
    public void A_new_version_keeps_type_issuer_and_serial_and_gets_its_own_check()
    {
        var next = LicenseIdentifier.Parse(Published).WithVersion(2);
        Assert.StartsWith("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.002.", next.ToString(), StringComparison.Ordinal);
        Assert.Equal(next, LicenseIdentifier.Parse(next.ToString()));
    }

    [Theory]
    [InlineData("11100000000013338W032", true)]
    [InlineData("11100000000013338X032", false)]
    [InlineData("11100000000013338W32", false)]
    [InlineData("11100000000013338WA32", false)]
    public void A_type_code_is_a_verifying_credit_code_and_three_digits(string code, bool valid) =>
        Assert.Equal(valid, LicenseTypeCode.Check(code).Error is null);
}
