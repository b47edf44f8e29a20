using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Tongban.Kernel.Errors;

namespace Tongban.Kernel.Identifiers;

/// <summary>
/// Resident ID number (GB 11643-1999). Sensitive personal data: show it through <see cref="Masked"/>,
/// and never put <see cref="Value"/> in a log line or a URL.
/// </summary>
public readonly record struct ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value) => Value = value;

    public string Value { get; }

    public DateOnly BirthDate => DateOnly.ParseExact(Value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    public bool IsMale => (Value[16] - '0') % 2 == 1;

    /// <summary>First six and last four characters: 110105********002X.</summary>
    public string Masked => Mask(Value);

    public override string ToString() => Masked;

    public static string Mask(string value) =>
        value.Length <= 10 ? new string('*', value.Length) : value[..6] + new string('*', value.Length - 10) + value[^4..];

    public static bool TryParse(string? input, [NotNullWhen(true)] out ResidentIdNumber? id, out DomainError? error)
    {
        id = null;
        var s = input?.Trim().ToUpperInvariant() ?? "";
        error = Check(s);
        if (error is not null) return false;
        id = new ResidentIdNumber(s);
        return true;
    }

    public static ResidentIdNumber Parse(string? input) =>
        TryParse(input, out var id, out var error) ? id.Value : throw new DomainException(error!);

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    private static DomainError? Check(string s)
    {
        if (s.Length != 18)
            return new("id_number.length", "居民身份证号码应为18位", "A resident ID number has 18 characters");
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(s[i]))
                return new("id_number.digits", "居民身份证号码前17位应为数字", "The first 17 characters of an ID number are digits");
        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return new("id_number.birth_date", "居民身份证号码中的出生日期无效", "The birth date inside the ID number is not a real date");
        var expected = CheckCharacter(s);
        return s[17] == expected
            ? null
            : new("id_number.check", "居民身份证号码校验位错误", "The ID number's check character is wrong");
    }
}
