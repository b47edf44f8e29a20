namespace Tongban.Applications.Domain;

/// <summary>Where a case stands. A draft is not a case: it becomes one when submitted.</summary>
internal enum CaseStatus
{
    /// <summary>待受理: waiting for pre-review at the window.</summary>
    Submitted = 1,

    /// <summary>待补正: the applicant was told at once what to correct (一次性告知).</summary>
    AwaitingCorrection = 2,

    /// <summary>办理中: accepted (受理), going through the item's process steps.</summary>
    InProcess = 3,

    /// <summary>不予受理.</summary>
    Refused = 4,

    /// <summary>已决定: approved or denied, waiting for the result to be delivered.</summary>
    Decided = 5,

    /// <summary>已办结.</summary>
    Concluded = 6,

    /// <summary>已撤回: the applicant took the application back before a decision.</summary>
    Withdrawn = 7,
}

internal enum Channel
{
    Online = 1,
    Window = 2,
    Station = 3,
}

internal enum Outcome
{
    Approved = 1,
    Denied = 2,
}

internal enum Delivery
{
    Window = 1,
    Mail = 2,
    Electronic = 3,
}

/// <summary>Why the time limit stops (特别程序, or a correction asked for during handling).</summary>
internal enum StopKind
{
    Correction = 1,
    Hearing = 2,
    Inspection = 3,
    ExpertReview = 4,
}

/// <summary>How close a case is to its limit: yellow when the warning share or less remains, red when overdue.</summary>
internal enum DeadlineLevel
{
    NotStarted = 0,
    Normal = 1,
    Warning = 2,
    Overdue = 3,
}

/// <summary>A material of the item as it stood at submission.</summary>
internal sealed record CaseMaterial(string Key, string Name, bool Required, bool Tolerable);

/// <summary>A process step of the item as it stood at submission, done by a holder of <see cref="Role"/>.</summary>
internal sealed record CaseStep(string Key, string NameZh, string NameEn, string Role);

/// <summary>
/// Where a provided material comes from. <see cref="Paper"/> is a reference typed by hand (a paper original seen at a
/// window, or named by an agent's system); the others are attached by the platform itself.
/// </summary>
internal enum MaterialSource
{
    Paper = 0,

    /// <summary>A file the applicant uploaded, kept in the kernel file store.</summary>
    Upload = 1,

    /// <summary>A fact read from a base registry with the applicant's consent, in place of the paper.</summary>
    RegistryFact = 2,

    /// <summary>An electronic license from the license library, checked through it when attached, with the holder's agreement.</summary>
    License = 3,
}

/// <summary>
/// A material the applicant provided. <see cref="Reference"/> is the file id (upload), the fact's name (registry fact),
/// the license's identifier (license) or the typed text (paper); <see cref="File"/> and <see cref="Fact"/> describe it.
/// </summary>
internal sealed record MaterialRef(string Key, string Reference, MaterialSource Source = MaterialSource.Paper,
    MaterialFile? File = null, FactSnapshot? Fact = null, DateTimeOffset? AttachedAt = null, LicenseMaterial? License = null)
{
    /// <summary>Taken from what the government already holds — a registry or department record, an e-license — instead of brought (免提交).</summary>
    public bool IsReused => Source is MaterialSource.RegistryFact or MaterialSource.License;

    /// <summary>How many of <paramref name="provided"/> were reused: the once-only figures of a case.</summary>
    public static int Reused(IEnumerable<MaterialRef> provided) => provided.Count(m => m.IsReused);
}

/// <summary>
/// A license attached as a material: what the license library found when it was used (seal and status then), and how
/// its holder agreed — online by ticking the agreement, or in person at a window (<see cref="AgreedTo"/> names the clerk).
/// </summary>
internal sealed record LicenseMaterial(Contracts.LicenseCheck Check, bool InPerson, string AgreedTo);

/// <summary>An uploaded file as the applicant named it, with what the store found: its type, size and SHA-256.</summary>
internal sealed record MaterialFile(string Name, string ContentType, long Size, string Sha256);

/// <summary>The fields of a registry fact as they were when the applicant agreed to its use (label → value).</summary>
internal sealed record FactSnapshot(string NameZh, string NameEn, IReadOnlyList<FactField> Fields, DateOnly UpdatedOn);

/// <summary>One value of a fact as the applicant saw it: <see cref="Value"/> in Chinese, <see cref="ValueEn"/> where English
/// differs; <see cref="Name"/> is the registry's name of the field (address, divisionCode), for prefilling the form.</summary>
internal sealed record FactField(string LabelZh, string LabelEn, string Value, string? ValueEn = null, string? Name = null);

/// <summary>
/// One thing to correct: a material key or a form field key, with what is wrong, and for a material what the applicant
/// gave again (kept here until resubmission).
/// </summary>
internal sealed record CorrectionItem(string Target, string Note, MaterialRef? Provided = null);

internal sealed record DeferredMaterial(string Key, string Name, DateOnly PromisedBy, DateTimeOffset? ReceivedAt);

internal sealed record ClockStop(StopKind Kind, string Reason, DateOnly From, DateOnly? To);

/// <summary>An in-person visit by the applicant (or their agent): at a window or a station; <paramref name="TicketId"/> the hall's queue ticket served then.</summary>
internal sealed record Trip(DateTimeOffset At, string Place, string Purpose, string RecordedBy, Guid? TicketId = null);

/// <summary>One line of a case's history: who did what, when, with which opinion, and where it left the case.</summary>
internal sealed record CaseEvent(DateTimeOffset At, string Actor, string Action, CaseStatus Status, string? Opinion);

/// <summary>The signed-in staff member acting on a case: the actor string and the roles held.</summary>
internal sealed record StaffMember(string Actor, IReadOnlySet<string> Roles)
{
    public bool Holds(string role) => Roles.Contains(role);
}

/// <summary>The item as the case keeps it from submission on, whatever the catalog does later.</summary>
internal sealed record ItemSnapshot(
    string Code, string Name, int Version, string DepartmentCreditCode, string DivisionCode, int LimitDays, int PromisedTrips,
    IReadOnlyList<CaseMaterial> Materials, IReadOnlyList<CaseStep> Steps);

/// <summary>Who the case is for; the ID number only masked.</summary>
internal sealed record Applicant(Guid AccountId, string Name, string MaskedIdNumber);

/// <summary>
/// The bundle (一件事一次办) a case was submitted in: its code and name, and <see cref="Key"/>, the same on every case of
/// one submission (the id of the bundle's draft).
/// </summary>
internal sealed record BundleRef(string Code, string Name, Guid Key);
