using System.Globalization;
using System.Text.RegularExpressions;
using Tongban.Kernel.Errors;

namespace Tongban.Licenses.Domain;

/// <summary>
/// 电子证照标识 (GB/T 36904-2018, as implemented): <c>1.2.156.3005.2.{type code}.{issuer code}.{serial}.{version}.{check}</c>.
/// The check character is ISO/IEC 7064 MOD 37,36 over type code, issuer code, serial and version written together;
/// it is verified wherever an identifier is typed or received, so a mistyped one is named before any look-up.
/// </summary>
internal readonly partial record struct LicenseIdentifier
{
    public const string Prefix = "1.2.156.3005.2.";
    public const int MaxLength = 128;
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public LicenseIdentifier(string typeCode, string issuerCode, string serial, int version)
    {
        if (!Part().IsMatch(typeCode) || !Part().IsMatch(issuerCode) || !Part().IsMatch(serial) || version is < 1 or > 999)
            throw new ArgumentException("An identifier is made of upper-case letters and digits, a version 1–999.");
        (TypeCode, IssuerCode, Serial, Version) = (typeCode, issuerCode, serial, version);
    }

    public string TypeCode { get; }
    public string IssuerCode { get; }
    public string Serial { get; }
    public int Version { get; }

    public string VersionText => Version.ToString("D3", CultureInfo.InvariantCulture);

    public char Check => CheckCharacter(TypeCode + IssuerCode + Serial + VersionText);

    public override string ToString() => $"{Prefix}{TypeCode}.{IssuerCode}.{Serial}.{VersionText}.{Check}";

    /// <summary>The same license's identifier at another version (a renewal or change keeps type, issuer and serial).</summary>
    public LicenseIdentifier WithVersion(int version) => new(TypeCode, IssuerCode, Serial, version);

    /// <summary>ISO/IEC 7064 MOD 37,36 over upper-case letters and digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> text)
    {
        var p = 36;
        foreach (var c in text)
        {
            var t = (p + Alphabet.IndexOf(c, StringComparison.Ordinal)) % 36;
            if (t == 0) t = 36;
            p = 2 * t % 37;
        }
        return Alphabet[(37 - p) % 36];
    }

    public static LicenseIdentifier Parse(string? input) =>
        TryParse(input, out var id, out var error) ? id : throw new DomainException(error!);

    /// <summary>Reads a typed or received identifier; the error names what is wrong (shape, part, or check character).</summary>
    public static bool TryParse(string? input, out LicenseIdentifier identifier, out DomainError? error)
    {
        identifier = default;
        var text = (input ?? "").Trim().ToUpperInvariant();
        error = text.Length switch
        {
            0 => Wrong("license.identifier_required", "请输入电子证照标识", "Enter the license identifier"),
            > MaxLength => Wrong("license.identifier_format", "电子证照标识过长", "The license identifier is too long"),
            _ => null,
        };
        if (error is not null) return false;
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            error = Wrong("license.identifier_format", $"电子证照标识应以“{Prefix}”开头", $"A license identifier starts with '{Prefix}'");
            return false;
        }
        var parts = text[Prefix.Length..].Split('.');
        if (parts.Length != 5 || parts.Take(3).Any(p => !Part().IsMatch(p)) || !VersionPart().IsMatch(parts[3]) || parts[3] == "000" || !CheckPart().IsMatch(parts[4]))
        {
            error = Wrong("license.identifier_format", "电子证照标识格式不正确：应为“类型代码.颁发机构代码.流水号.三位版本号.校验位”",
                "The license identifier is malformed: it is type code.issuer code.serial.three-digit version.check character");
            return false;
        }
        var candidate = new LicenseIdentifier(parts[0], parts[1], parts[2], int.Parse(parts[3], CultureInfo.InvariantCulture));
        if (candidate.Check != parts[4][0])
        {
            error = Wrong("license.identifier_check", "电子证照标识的校验位不正确，请核对是否输错", "The license identifier's check character is wrong; check for a typing mistake");
            return false;
        }
        identifier = candidate;
        return true;
    }

    private static DomainError Wrong(string code, string zh, string en) => new(code, zh, en, ErrorKind.Invalid, "identifier");

    [GeneratedRegex("^[0-9A-Z]{1,32}$")]
    private static partial Regex Part();

    [GeneratedRegex("^[0-9]{3}$")]
    private static partial Regex VersionPart();

    [GeneratedRegex("^[0-9A-Z]$")]
    private static partial Regex CheckPart();
}
