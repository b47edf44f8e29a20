using System.Text.RegularExpressions;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;

namespace Tongban.Licenses.Domain;

/// <summary>
/// 证照类型代码: the defining authority's unified social credit code (18 characters, its check verified) and a
/// three-digit serial, e.g. <c>11100000000013338W032</c>.
/// </summary>
internal static partial class LicenseTypeCode
{
    public const int Length = 21;

    /// <summary>The code upper-cased, or an error naming what is wrong with it.</summary>
    public static (string? Code, DomainError? Error) Check(string? input)
    {
        var code = (input ?? "").Trim().ToUpperInvariant();
        if (code.Length != Length || !Serial().IsMatch(code[18..]))
            return (null, new DomainError("license_type.code", "证照类型代码应为定义机构的18位统一社会信用代码加3位数字",
                "A license type code is the defining authority's 18-character credit code and 3 digits", Field: "code"));
        if (!CreditCode.TryParse(code[..18], out _, out var error))
            return (null, new DomainError("license_type.code_credit", $"证照类型代码的前18位不是有效的统一社会信用代码：{error!.Chinese}",
                $"The first 18 characters of the license type code are not a valid credit code: {error.English}", Field: "code"));
        return (code, null);
    }

    [GeneratedRegex("^[0-9]{3}$")]
    private static partial Regex Serial();
}
