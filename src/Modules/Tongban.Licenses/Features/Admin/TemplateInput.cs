using System.Globalization;
using Tongban.Kernel.Errors;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.Admin;

/// <summary>
/// A type's template as the admin form edits it: the standard layout (computed from the fields, so a new field finds a
/// place by itself) or one given value by value — the page, the title size, each value's position and font size, the
/// seal, the QR code and the identifier line — and the background: kept, none, or a new PNG/JPEG uploaded with the form.
/// </summary>
internal sealed class TemplateInput
{
    public bool Standard { get; set; } = true;
    public string? Width { get; set; }
    public string? Height { get; set; }
    public string? TitleSize { get; set; }

    /// <summary>"keep", "none" or "upload" (the file comes with the form).</summary>
    public string Background { get; set; } = "keep";

    public List<PlacementRow> Placements { get; set; } = [];
    public BoxRow Seal { get; set; } = new();
    public BoxRow Qr { get; set; } = new();
    public PlacementRow Identifier { get; set; } = new();

    internal sealed class PlacementRow
    {
        public string? Key { get; set; }
        public string? X { get; set; }
        public string? Y { get; set; }
        public string? FontSize { get; set; }
        public bool IsEmpty => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(X) && string.IsNullOrWhiteSpace(Y) && string.IsNullOrWhiteSpace(FontSize);
    }

    internal sealed class BoxRow
    {
        public string? X { get; set; }
        public string? Y { get; set; }
        public string? Size { get; set; }
    }

    public static TemplateInput From(TypeDefinition d)
    {
        var t = d.Layout;
        return new()
        {
            Standard = d.Template is null, Width = N(t.Width), Height = N(t.Height), TitleSize = N(t.TitleSize),
            Placements = [.. t.Fields.Select(p => new PlacementRow { Key = p.Key, X = N(p.X), Y = N(p.Y), FontSize = N(p.FontSize) })],
            Seal = new() { X = N(t.Seal.X), Y = N(t.Seal.Y), Size = N(t.Seal.Size) }, Qr = new() { X = N(t.Qr.X), Y = N(t.Qr.Y), Size = N(t.Qr.Size) },
            Identifier = new() { Key = StandardFields.Identifier, X = N(t.Identifier.X), Y = N(t.Identifier.Y), FontSize = N(t.Identifier.FontSize) },
        };
    }

    /// <summary>
    /// The template given, or null for the standard layout (which carries no background); <paramref name="background"/> is
    /// the file the form settled on. Unreadable numbers are named in <paramref name="errors"/>.
    /// </summary>
    public LicenseTemplate? ToTemplate(string? background, List<DomainError> errors)
    {
        if (Standard) return null;
        decimal Number(string? text, string zh, string en)
        {
            if (decimal.TryParse(text?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) return value;
            errors.Add(new DomainError("license_type.template_number", $"版式：{zh}应填数字，而不是“{text}”", $"Template: {en} must be a number, not '{text}'", Field: "template"));
            return 0;
        }
        Placement Place(PlacementRow p, string key, string zh, string en) => new(key,
            Number(p.X, $"{zh}的距左", $"the left offset of {en}"), Number(p.Y, $"{zh}的距上", $"the top offset of {en}"), Number(p.FontSize, $"{zh}的字号", $"the font size of {en}"));
        var placements = Placements.Select((p, i) => (p, i)).Where(x => !x.p.IsEmpty)
            .Select(x => Place(x.p, x.p.Key?.Trim() ?? "", $"第{x.i + 1}项", $"value {x.i + 1}")).ToList();
        return new LicenseTemplate(Number(Width, "页面宽度", "the page width"), Number(Height, "页面高度", "the page height"), background,
            Number(TitleSize, "标题字号", "the title size"), placements,
            new Box(Number(Seal.X, "印章距左", "the seal's left offset"), Number(Seal.Y, "印章距上", "the seal's top offset"), Number(Seal.Size, "印章边长", "the seal's size")),
            new Box(Number(Qr.X, "二维码距左", "the QR code's left offset"), Number(Qr.Y, "二维码距上", "the QR code's top offset"), Number(Qr.Size, "二维码边长", "the QR code's size")),
            Place(Identifier, StandardFields.Identifier, "证照标识", "the identifier"));
    }

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
