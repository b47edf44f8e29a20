using Tongban.Kernel.Forms;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ReadLicenses;

namespace Tongban.Licenses.Features.Rendering;

/// <summary>
/// Sample data for a type's template preview: every field filled with a value of its kind (a choice's first option,
/// today's date, the field's own name in brackets), a holder who is plainly nobody, serial 0000000001 of the first
/// issuing authority. Nothing is signed or stored; the preview is stamped 样本.
/// </summary>
internal static class SampleFace
{
    public static LicenseFace For(string typeCode, TypeDefinition type, string issuerName, DateOnly today)
    {
        var issuer = type.IssuingAuthorities is [var first, ..] ? first : "000000000000000000";
        var holder = type.Holder == HolderKind.LegalPerson
            ? new Holder(HolderKind.LegalPerson, "91000000MA0000000X", "（示例）某某有限公司")
            : new Holder(HolderKind.Person, "000000********0000", "张三（示例）");
        var fields = type.Fields.Fields.ToDictionary(f => f.Key, f => Value(f, today), StringComparer.Ordinal);
        var identifier = new LicenseIdentifier(typeCode, issuer, "0000000001", 1).ToString();
        return new LicenseFace(identifier, typeCode, type.Name, "（示例）0000000001", issuer, issuerName, holder, today,
            type.Validity.Until(today, today.AddYears(5).AddDays(-1)), fields);
    }

    /// <summary>The placed values in the order the template prints them, with label and sample text, for the page's layout drawing.</summary>
    public static IEnumerable<(Placement Placement, string Text)> Lines(LicenseFace face, TypeDefinition type)
    {
        var values = LicenseView.FieldsOf(face, type).ToDictionary(f => f.Key, f => (f.LabelZh, f.Value));
        return type.Layout.Fields.Append(type.Layout.Identifier).Select(p => (p, LicensePdf.Text(p, face, values)));
    }

    private static string Value(FormField field, DateOnly today) => field.Type switch
    {
        FormFieldType.Choice or FormFieldType.MultiChoice => field.Options is [var option, ..] ? option.Value : "",
        FormFieldType.Date => today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        FormFieldType.YesNo => "yes",
        FormFieldType.Number => "1",
        _ => $"（{field.LabelZh}）",
    };
}
