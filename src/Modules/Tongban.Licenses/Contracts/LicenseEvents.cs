namespace Tongban.Licenses.Contracts;

/// <summary>
/// A license was issued (from a case, by hand, by import, or as a renewal's new version). Published through the
/// licenses outbox in the same transaction, type <see cref="MessageType"/>, for the provincial and national library
/// (the federation delivers it). Holder code types: 111 resident ID number, 001 unified social credit code.
/// </summary>
public sealed record LicenseIssued(
    Guid LicenseId,
    string Identifier,
    string TypeCode,
    string TypeName,
    string IssuerCode,
    string HolderCodeType,
    string HolderCode,
    string HolderName,
    string Number,
    DateOnly IssuedOn,
    DateOnly? ValidUntil,
    string Source,
    string? PreviousIdentifier,
    DateTimeOffset OccurredAt)
{
    public const string MessageType = "licenses.issued";
}

/// <summary>A license's status changed (status codes 01 valid, 02 suspended, 03 revoked, 04 cancelled, 07 revoked as a penalty, 99 replaced).</summary>
public sealed record LicenseStatusChanged(Guid LicenseId, string Identifier, string IssuerCode, string FromStatus, string ToStatus, string Reason, DateTimeOffset OccurredAt)
{
    public const string MessageType = "licenses.status_changed";
}

/// <summary>A license was renewed (延续) or changed (变更): <see cref="NewIdentifier"/> replaces <see cref="OldIdentifier"/>.</summary>
public sealed record LicenseReplaced(Guid OldLicenseId, string OldIdentifier, Guid NewLicenseId, string NewIdentifier, string Kind, string Reason, DateTimeOffset OccurredAt)
{
    public const string MessageType = "licenses.replaced";
}
