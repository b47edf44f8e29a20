namespace Tongban.Licenses.Domain;

/// <summary>
/// What a license says — the data that is signed and shown: identifier, type, number, issuer, holder, dates, the
/// type's fields, and the identifier of the version it replaces. Pages show the face read back from the signed
/// document, never from the searchable columns beside it.
/// </summary>
internal sealed record LicenseFace(
    string Identifier,
    string TypeCode,
    string TypeName,
    string Number,
    string IssuerCode,
    string IssuerName,
    Holder Holder,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    IReadOnlyDictionary<string, string> Fields,
    string? Previous = null)
{
    /// <summary>A standard or type field's value as printed (dates yyyy-MM-dd, no end date as 长期).</summary>
    public string ValueOf(string key) => key switch
    {
        StandardFields.HolderName => Holder.Name,
        StandardFields.HolderCode => Holder.Code,
        StandardFields.Number => Number,
        StandardFields.Issuer => IssuerName,
        StandardFields.IssuedOn => IssuedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        StandardFields.ValidUntil => ValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "长期",
        StandardFields.Identifier => Identifier,
        _ => Fields.GetValueOrDefault(key) ?? "",
    };
}
