namespace Tongban.Applications.Domain;

/// <summary>
/// A reminder (or overdue notice) sent for one deferred material of one case: its key makes each kind go once per
/// case and material, however often the reminder job runs and on however many instances.
/// </summary>
internal sealed class DeferredReminder
{
    private DeferredReminder() { }

    public CaseId CaseId { get; private set; }
    public string MaterialKey { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }

    public static DeferredReminder Of(CaseId caseId, string materialKey, string kind, DateTimeOffset at) =>
        new() { CaseId = caseId, MaterialKey = materialKey, Kind = kind, SentAt = at };
}
