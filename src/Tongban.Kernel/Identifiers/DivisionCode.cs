using System.Diagnostics.CodeAnalysis;
using Tongban.Kernel.Errors;

namespace Tongban.Kernel.Identifiers;

public enum DivisionLevel
{
    Province = 1,
    City = 2,
    County = 3,
    Township = 4,
    Village = 5,
}

/// <summary>
/// Administrative division code as 12 digits: province (2) + prefecture (2) + county (2) (GB/T 2260),
/// township (3, GB/T 10114), village or community (3). The level follows from which parts are zero.
/// </summary>
public readonly record struct DivisionCode
{
    private DivisionCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public DivisionLevel Level =>
        Value[2..] == "0000000000" ? DivisionLevel.Province
        : Value[4..] == "00000000" ? DivisionLevel.City
        : Value[6..] == "000000" ? DivisionLevel.County
        : Value[9..] == "000" ? DivisionLevel.Township
        : DivisionLevel.Village;

    /// <summary>The code of the division one level up, or null for a province.</summary>
    public DivisionCode? Parent => Level switch
    {
        DivisionLevel.Province => null,
        DivisionLevel.City => new DivisionCode(Value[..2] + "0000000000"),
        DivisionLevel.County => new DivisionCode(Value[..4] + "00000000"),
        DivisionLevel.Township => new DivisionCode(Value[..6] + "000000"),
        _ => new DivisionCode(Value[..9] + "000"),
    };

    /// <summary>The significant prefix: 2, 4, 6, 9 or 12 digits. Descendants share it.</summary>
    public string Prefix => Level switch
    {
        DivisionLevel.Province => Value[..2],
        DivisionLevel.City => Value[..4],
        DivisionLevel.County => Value[..6],
        DivisionLevel.Township => Value[..9],
        _ => Value,
    };

    /// <summary>Accepts 6, 9 or 12 digits; shorter forms are padded with zeros to 12.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out DivisionCode? code, out DomainError? error)
    {
        code = null;
        error = null;
        var s = input?.Trim() ?? "";
        if (s.Length is not (6 or 9 or 12) || !s.All(char.IsAsciiDigit))
        {
            error = new("division_code.format", "行政区划代码应为6、9或12位数字", "A division code has 6, 9 or 12 digits");
            return false;
        }
        s = s.PadRight(12, '0');
        if (s[..2] == "00")
        {
            error = new("division_code.province", "行政区划代码的省级部分不能为00", "The province part of a division code cannot be 00");
            return false;
        }
        code = new DivisionCode(s);
        return true;
    }

    public static DivisionCode Parse(string? input) =>
        TryParse(input, out var code, out var error) ? code.Value : throw new DomainException(error!);
}
