using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;

namespace Tongban.Catalog.Domain;

/// <summary>
/// Codes issued by the provincial catalog are opaque: only what is certain is checked — the lengths, and the
/// implementing body's credit code where an implementation code starts with one.
/// </summary>
internal static class ItemCodes
{
    public static IReadOnlyList<DomainError> Check(string? basicCode, string? implementationCode)
    {
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(basicCode) || basicCode.Trim().Length > 12)
            errors.Add(new("item.basic_code", "基本编码不能为空，最长12位", "The basic code is required, 12 characters at most", Field: "basic_code"));
        var implementation = implementationCode?.Trim() ?? "";
        if (implementation.Length is 0 or > 36)
            errors.Add(new("item.implementation_code", "实施编码不能为空，最长36位", "The implementation code is required, 36 characters at most", Field: "implementation_code"));
        else if (StartsWithCreditCode(implementation) && !CreditCode.TryParse(implementation[..18], out _, out var error))
            errors.Add(new("item.implementation_code_credit", $"实施编码开头的统一社会信用代码无效：{error!.Chinese}",
                $"The credit code that opens the implementation code is invalid: {error.English}", Field: "implementation_code"));
        return errors;
    }

    /// <summary>An implementation code of 18+ characters whose first two are a registration authority and entity category.</summary>
    public static bool StartsWithCreditCode(string code) =>
        code.Length >= 18 && char.IsAsciiLetterOrDigit(code[0]) && char.IsAsciiDigit(code[2]) && code[2..8].All(char.IsAsciiDigit);
}
