namespace Tongban.Licenses.Domain;

/// <summary>
/// An issuer's published Bitstring Status List credential for one purpose (lic_status_lists): the signed vc+jwt as
/// served, rebuilt whenever a license of the issuer changes status; <see cref="Revision"/> counts the rebuilds.
/// </summary>
internal sealed class StatusList
{
    private StatusList() { }

    public string Issuer { get; private set; } = "";
    public string Purpose { get; private set; } = "";
    public long Revision { get; private set; }
    public string Credential { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public static StatusList Create(string issuer, string purpose) => new() { Issuer = issuer, Purpose = purpose };

    public void Publish(string credential, DateTimeOffset at) => (Credential, UpdatedAt, Revision) = (credential, at, Revision + 1);
}
