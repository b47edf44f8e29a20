using System.Diagnostics.CodeAnalysis;
using Tongban.Kernel.Errors;

namespace Tongban.Kernel.Identifiers;

/// <summary>Unified social credit code (GB 32100-2015): 18 characters, check character last.</summary>
public readonly record struct CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private CreditCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? input, [NotNullWhen(true)] out CreditCode? code, out DomainError? error)
    {
        code = null;
        error = Check(input);
        if (error is not null) return false;
        code = new CreditCode(input!.Trim().ToUpperInvariant());
        return true;
    }

    public static CreditCode Parse(string? input) =>
        TryParse(input, out var code, out var error) ? code.Value : throw new DomainException(error!);

    /// <summary>The check character for the first 17 characters (which must be in the code's alphabet).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    private static DomainError? Check(string? input)
    {
        var s = input?.Trim().ToUpperInvariant() ?? "";
        if (s.Length != 18)
            return new("credit_code.length", "统一社会信用代码应为18位", "A unified social credit code has 18 characters");
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(s[i], StringComparison.Ordinal) < 0)
                return new("credit_code.alphabet", $"统一社会信用代码第{i + 1}位“{s[i]}”不是允许的字符（不含I、O、Z、S、V）",
                    $"Character {i + 1} '{s[i]}' is not allowed in a credit code (I, O, Z, S, V never occur)");
        }
        var expected = CheckCharacter(s);
        return s[17] == expected
            ? null
            : new("credit_code.check", $"统一社会信用代码校验位错误（应为{expected}）",
                $"The credit code's check character is wrong (expected {expected})");
    }
}
