namespace Tongban.Applications.Domain;

/// <summary>
/// A registry fact read at the applicant's request and shown to them, kept here — never in the page — until they agree
/// (it becomes the material as it was shown, with no second read), refuse (it is dropped), or let it go stale. One per
/// material of a draft or a case; a new preview replaces the old one.
/// </summary>
internal sealed class FactPreview
{
    /// <summary>How long a preview may be agreed to: afterwards the record may have changed, so it is read again on request.</summary>
    public static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(30);

    private FactPreview() { }

    public Guid Id { get; private set; }
    public Guid ApplicantId { get; private set; }

    /// <summary>What the material is for: <c>draft:{id}</c> or <c>case:{number}</c>.</summary>
    public string Holder { get; private set; } = "";
    public string MaterialKey { get; private set; } = "";

    /// <summary>The enterprise's credit code when the fact is about an enterprise the applicant represents; null when about the applicant.</summary>
    public string? Subject { get; private set; }
    public FactSnapshot Snapshot { get; private set; } = null!;
    public DateTimeOffset ReadAt { get; private set; }

    public static string OfDraft(Guid draftId) => $"draft:{draftId}";

    public static string OfCase(string number) => $"case:{number}";

    public static FactPreview Read(Guid applicant, string holder, string materialKey, string? subject, FactSnapshot snapshot, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(), ApplicantId = applicant, Holder = holder, MaterialKey = materialKey, Subject = subject, Snapshot = snapshot, ReadAt = at,
    };

    public bool IsFreshAt(DateTimeOffset now) => now - ReadAt <= FreshFor;
}
