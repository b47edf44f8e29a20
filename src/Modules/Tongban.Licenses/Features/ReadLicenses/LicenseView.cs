using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.ReadLicenses;

/// <summary>One value of a license as shown: its key, labels and value.</summary>
internal sealed record FaceValue(string Key, string LabelZh, string LabelEn, string Value);

/// <summary>
/// A license as its holder and its issuer's administrators see it: the face read from the verified signed bytes
/// (the holder's code masked unless <c>unmasked</c>), its status with code and labels, its versions and history.
/// </summary>
internal sealed record LicenseView(
    string Identifier, string TypeCode, string TypeName, string Number, string IssuerCode, string IssuerName,
    string HolderCodeType, string HolderCode, string HolderName, DateOnly IssuedOn, DateOnly? ValidUntil,
    string StatusCode, string StatusZh, string StatusEn, bool SignatureValid, IReadOnlyList<FaceValue> Fields,
    string? Previous, string? Next, IReadOnlyList<StatusChange> History)
{
    public static LicenseView Of(SealedLicense sealedLicense, TypeDefinition? type, bool unmasked, string? next = null)
    {
        var (license, face) = (sealedLicense.License, sealedLicense.Face);
        var (zh, en) = sealedLicense.SignatureValid ? LicenseStatusText.Label(sealedLicense.Status) : ("签章验证失败", "the seal does not verify");
        var holder = face?.Holder ?? license.Holder;
        var fields = face is null ? [] : FieldsOf(face, type);
        return new LicenseView(license.Identifier, license.TypeCode, face?.TypeName ?? type?.Name ?? license.TypeCode, face?.Number ?? "", license.IssuerCode,
            face?.IssuerName ?? "", holder.CodeType, unmasked ? holder.Code : holder.MaskedCode, holder.Name, face?.IssuedOn ?? license.IssuedOn,
            face?.ValidUntil, LicenseStatusText.Code(sealedLicense.Status), zh, en, sealedLicense.SignatureValid, fields, face?.Previous, next, license.History);
    }

    /// <summary>The type's fields in its order with its labels; a field the type no longer has keeps its key as label.</summary>
    public static IReadOnlyList<FaceValue> FieldsOf(LicenseFace face, TypeDefinition? type)
    {
        var known = (type?.Fields.Fields ?? []).Where(f => face.Fields.ContainsKey(f.Key))
            .Select(f => new FaceValue(f.Key, f.LabelZh, f.LabelEn, Display(f, face.Fields[f.Key])));
        var others = face.Fields.Where(f => type?.Fields.Fields.All(d => d.Key != f.Key) ?? true).Select(f => new FaceValue(f.Key, f.Key, f.Key, f.Value));
        return [.. known, .. others];
    }

    /// <summary>A choice shown by its label, yes/no as 是/否; everything else as stored.</summary>
    public static string Display(Kernel.Forms.FormField field, string value) => field.Type switch
    {
        Kernel.Forms.FormFieldType.Choice or Kernel.Forms.FormFieldType.MultiChoice => string.Join("、", value.Split('|')
            .Select(v => field.Options?.FirstOrDefault(o => o.Value == v)?.LabelZh ?? v)),
        Kernel.Forms.FormFieldType.YesNo => value == "yes" ? "是" : "否",
        _ => value,
    };
}
