using System.Text.RegularExpressions;

namespace Tongban.Kernel.Identifiers;

/// <summary>A mainland mobile number: 11 digits, 1 then 3–9 (13912345678). The one rule for a form's phone field and any other.</summary>
public static partial class MobilePhone
{
    public static bool IsValid(string value) => Pattern().IsMatch(value);

    /// <summary>The number as typed with its spaces and dashes dropped (139 1234-5678), when it is one; else null.</summary>
    public static string? Normalize(string? typed)
    {
        var digits = (typed ?? "").Trim().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return IsValid(digits) ? digits : null;
    }

    /// <summary>As a screen or a log shows it: <c>139****5678</c>, the first three and last four digits.</summary>
    public static string Mask(string phone) => phone.Length >= 7 ? $"{phone[..3]}****{phone[^4..]}" : "****";

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Pattern();
}
