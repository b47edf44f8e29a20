using Tongban.Kernel.Forms;

namespace Tongban.Licenses.Domain;

/// <summary>Where one value is printed: its key (a field of the type or a <see cref="StandardFields"/> key), millimetres from the top left, font size in points.</summary>
internal sealed record Placement(string Key, decimal X, decimal Y, decimal FontSize, bool Label = true);

/// <summary>A square area in millimetres from the top left: the seal, the QR code.</summary>
internal sealed record Box(decimal X, decimal Y, decimal Size);

/// <summary>
/// How a license of the type is printed: the page in millimetres, a background image (a PNG or JPEG in the file store)
/// or none, the title, every value's place and size, the seal's area, the QR code linking to verification and the
/// identifier line.
/// </summary>
internal sealed record LicenseTemplate(
    decimal Width, decimal Height, string? Background, decimal TitleSize,
    IReadOnlyList<Placement> Fields, Box Seal, Box Qr, Placement Identifier)
{
    public const decimal MinSize = 50, MaxSize = 1000;

    /// <summary>A4 landscape, the standard values first, then the type's fields in order, two columns when they are many.</summary>
    public static LicenseTemplate Default(FormDefinition fields)
    {
        var keys = StandardFields.Leading.Concat(fields.Fields.Select(f => f.Key)).Concat(StandardFields.Trailing).ToList();
        var perColumn = keys.Count <= 10 ? keys.Count : (keys.Count + 1) / 2;
        var placements = keys.Select((k, i) => new Placement(k, i < perColumn ? 25 : 150, 45 + (i % Math.Max(perColumn, 1)) * 9.5m, keys.Count > 14 ? 9 : 11)).ToList();
        return new LicenseTemplate(297, 210, null, 24, placements, new Box(225, 140, 42), new Box(22, 160, 32), new Placement(StandardFields.Identifier, 60, 188, 7, Label: true));
    }

    /// <summary>Every fault of the layout at once; <paramref name="keys"/> are the keys a placement may name.</summary>
    public IReadOnlyList<Kernel.Errors.DomainError> Check(IReadOnlySet<string> keys)
    {
        var errors = new List<Kernel.Errors.DomainError>();
        void Fault(string zh, string en) => errors.Add(new("license_type.template", $"版式：{zh}", $"Template: {en}", Field: "template"));
        if (Width is < MinSize or > MaxSize || Height is < MinSize or > MaxSize)
            Fault($"页面宽高应在{MinSize}至{MaxSize}毫米之间", $"the page is {MinSize} to {MaxSize} mm wide and high");
        if (TitleSize is < 6 or > 72) Fault("标题字号应在6至72之间", "the title size is 6 to 72 points");
        foreach (var p in Fields.Append(Identifier))
        {
            if (!keys.Contains(p.Key) && p.Key != StandardFields.Identifier) Fault($"没有“{p.Key}”这一项", $"there is no value '{p.Key}'");
            if (!Inside(p.X, p.Y, 0)) Fault($"“{p.Key}”的位置超出页面", $"'{p.Key}' is placed off the page");
            if (p.FontSize is < 5 or > 48) Fault($"“{p.Key}”的字号应在5至48之间", $"'{p.Key}' has a font size outside 5 to 48");
        }
        if (Fields.Select(p => p.Key).Distinct(StringComparer.Ordinal).Count() != Fields.Count) Fault("同一项只能放一次", "a value is placed twice");
        if (!Inside(Seal.X, Seal.Y, Seal.Size) || Seal.Size < 20) Fault("印章区域应在页面内，边长至少20毫米", "the seal area lies on the page and is 20 mm at least");
        if (!Inside(Qr.X, Qr.Y, Qr.Size) || Qr.Size < 15) Fault("二维码应在页面内，边长至少15毫米", "the QR code lies on the page and is 15 mm at least");
        return errors;
    }

    private bool Inside(decimal x, decimal y, decimal size) => x >= 0 && y >= 0 && x + size <= Width && y + size <= Height;
}

/// <summary>The values every license has besides its type's fields, as a template names them.</summary>
internal static class StandardFields
{
    public const string HolderName = "holder_name", HolderCode = "holder_code", Number = "number", Issuer = "issuer",
        IssuedOn = "issued_on", ValidUntil = "valid_until", Identifier = "identifier";

    public static readonly IReadOnlyList<string> Leading = [Number, HolderName, HolderCode];
    public static readonly IReadOnlyList<string> Trailing = [ValidUntil, Issuer, IssuedOn];

    public static (string Zh, string En) Label(string key) => key switch
    {
        HolderName => ("持证主体", "Holder"),
        HolderCode => ("持证主体代码", "Holder's code"),
        Number => ("证照编号", "Number"),
        Issuer => ("颁发机构", "Issued by"),
        IssuedOn => ("颁发日期", "Issued on"),
        ValidUntil => ("有效期至", "Valid until"),
        Identifier => ("电子证照标识", "License identifier"),
        _ => (key, key),
    };

    public static bool IsStandard(string key) => Leading.Contains(key) || Trailing.Contains(key) || key == Identifier;
}
