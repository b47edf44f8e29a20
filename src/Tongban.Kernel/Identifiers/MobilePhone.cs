using System.Text.RegularExpressions;

namespace Tongban.Kernel.Identifiers;

/// <summary>A mainland mobile number: 11 digits, 1 then 3–9 (13912345678). The one rule for a form's phone field and any other.</summary>
public static partial class MobilePhone
{
    public static bool IsValid(string value) => Pattern().IsMatch(value);

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Pattern();
}
