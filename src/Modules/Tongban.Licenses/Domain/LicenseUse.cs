namespace Tongban.Licenses.Domain;

/// <summary>What a use of a license was (用证).</summary>
internal enum UseKind
{
    /// <summary>A department system verified it through the API (with the data, when granted).</summary>
    Verified = 1,

    /// <summary>Attached to an application as a material, with the holder's agreement.</summary>
    Attached = 2,

    /// <summary>Exported (license.json, signature, public key) by the command line.</summary>
    Exported = 3,

    /// <summary>Opened through a share link the holder gave.</summary>
    SharedView = 4,

    /// <summary>Checked on the public verification page.</summary>
    PublicCheck = 5,

    /// <summary>Read by a license administrator or window clerk.</summary>
    StaffRead = 6,

    /// <summary>Verified when staff opened a case it is attached to.</summary>
    CaseCheck = 7,
}

/// <summary>
/// One use of a license (lic_uses): who (a client, a staff member, a share link, anonymous), for which department,
/// why, and what the check found. The holder sees every one of them ("谁用了我的证照").
/// </summary>
internal sealed class LicenseUse
{
    private LicenseUse() { }

    public Guid Id { get; private set; }
    public LicenseId LicenseId { get; private set; }
    public DateTimeOffset At { get; private set; }
    public UseKind Kind { get; private set; }
    public string Who { get; private set; } = "";
    public string? Department { get; private set; }
    public string Purpose { get; private set; } = "";
    public string Result { get; private set; } = "";

    public static LicenseUse Record(LicenseId license, UseKind kind, string who, string? department, string purpose, string result, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at), LicenseId = license, At = at, Kind = kind, Who = Cut(who, 120), Department = department,
        Purpose = Cut(purpose, 200), Result = Cut(result, 40),
    };

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
