using Tongban.Kernel.Calendar;

namespace Tongban.Statistics.Domain;

/// <summary>
/// What the statistics know of one case, from the events about it: where it belongs (item, department, division, channel)
/// and the day of each milestone. Every milestone is set once and never moved, so events in any order, or twice, leave
/// the same row; corrections count each event once (the handler skips a message already applied).
/// </summary>
internal sealed class CaseFact
{
    private CaseFact() { }

    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public string ItemCode { get; private set; } = "";
    public string ItemName { get; private set; } = "";
    public string DepartmentCode { get; private set; } = "";
    public string DivisionCode { get; private set; } = "";
    public string Channel { get; private set; } = "";
    public DateOnly? ReceivedOn { get; private set; }
    public DateOnly? AcceptedOn { get; private set; }
    public DateOnly? RefusedOn { get; private set; }
    public DateOnly? DueOn { get; private set; }
    public DateOnly? ConcludedOn { get; private set; }
    public int Corrections { get; private set; }
    public DateOnly? WithdrawnOn { get; private set; }

    /// <summary>Accepted while materials were deferred (容缺受理).</summary>
    public bool Deferred { get; private set; }

    /// <summary>The applicant's visits recorded so far (跑动), and the item's promise; null where no event said.</summary>
    public int? Trips { get; private set; }
    public int? PromisedTrips { get; private set; }

    /// <summary>The materials provided at submission, and how many were taken from a registry, a department's system or an e-license (免提交).</summary>
    public int? MaterialsProvided { get; private set; }
    public int? MaterialsReused { get; private set; }

    /// <summary>Working days from acceptance to conclusion (the day of acceptance not counted), once both are known.</summary>
    public int? WorkingDays { get; private set; }
    public int? RatingLevel { get; private set; }
    public DateOnly? RatedOn { get; private set; }

    /// <summary>
    /// A bad rating's rectification (整改) as it stands: its due date and the day reported (null while open). An appeal upheld
    /// reopens it with a later due date, and the reopened one replaces the first (as the rating itself keeps only the last).
    /// </summary>
    public DateOnly? RectificationDueOn { get; private set; }
    public DateOnly? RectifiedOn { get; private set; }

    /// <summary>The applicant's appeal (申诉) of the reported rectification, and the supervisor's decision once made.</summary>
    public DateOnly? AppealedOn { get; private set; }
    public bool? AppealUpheld { get; private set; }

    /// <summary>Bumped by every change: two events of one case handled at once cannot both win (the outbox retries the loser).</summary>
    public int Revision { get; private set; }

    public static CaseFact Start(Guid caseId, string number) => new() { CaseId = caseId, CaseNumber = number };

    /// <summary>Fills what an event says of the case's place; a value once known is kept (an older event may know less).</summary>
    public void Place(string? itemCode, string? itemName, string? department, string? division, string? channel)
    {
        if (ItemCode.Length == 0 && !string.IsNullOrEmpty(itemCode)) ItemCode = itemCode;
        if (ItemName.Length == 0 && !string.IsNullOrEmpty(itemName)) ItemName = itemName;
        if (DepartmentCode.Length == 0 && !string.IsNullOrEmpty(department)) DepartmentCode = department;
        if (DivisionCode.Length == 0 && !string.IsNullOrEmpty(division)) DivisionCode = Normal(division);
        if (Channel.Length == 0 && !string.IsNullOrEmpty(channel)) Channel = channel;
    }

    /// <summary>A division code in its 12 digits (an event may carry the short 6- or 9-digit form); kept as given otherwise.</summary>
    public static string Normal(string division) =>
        Kernel.Identifiers.DivisionCode.TryParse(division, out var code, out _) ? code.Value.Value : division.Trim();

    /// <summary>Received on a day with its materials as submitted (a later correction's materials do not change the figure).</summary>
    public void Received(DateOnly on, int? provided = null, int? reused = null)
    {
        ReceivedOn ??= on;
        if (MaterialsProvided is not null || provided is null) return;
        (MaterialsProvided, MaterialsReused) = (provided, Math.Min(reused ?? 0, provided.Value));
    }

    public void Accepted(DateOnly on, DateOnly? dueOn)
    {
        AcceptedOn ??= on;
        DueOn ??= dueOn;
    }

    public void Refused(DateOnly on) => RefusedOn ??= on;

    public void AcceptedWithDeferred() => Deferred = true;

    public void Withdrawn(DateOnly on) => WithdrawnOn ??= on;

    /// <summary>Trips only grow: a late event carrying fewer changes nothing.</summary>
    public void TripsSeen(int trips, int? promised)
    {
        Trips = Math.Max(Trips ?? 0, trips);
        PromisedTrips ??= promised;
    }

    public void CorrectionRequested() => Corrections++;

    /// <summary>The corrections a case records (the backfill): never fewer than the events already counted.</summary>
    public void CorrectionsCounted(int count) => Corrections = Math.Max(Corrections, count);

    public void Concluded(DateOnly on) => ConcludedOn ??= on;

    public void Rated(int level, DateOnly on)
    {
        if (RatedOn is not null) return;
        (RatingLevel, RatedOn) = (level, on);
    }

    /// <summary>
    /// A rectification reported: the report of the latest due date counts (an upheld appeal's reopened rectification has a
    /// later one); a late message about an earlier round changes nothing, and a report of one due date is kept once.
    /// </summary>
    public void RectificationReported(DateOnly dueOn, DateOnly on)
    {
        if (RectificationDueOn is { } known && dueOn < known) return;
        if (RectificationDueOn != dueOn) (RectificationDueOn, RectifiedOn) = (dueOn, on);
        else RectifiedOn ??= on;
    }

    public void Appealed(DateOnly on) => AppealedOn ??= on;

    /// <summary>The appeal decided; upheld, the rectification reopens with its new due date, unreported (unless its report is already known).</summary>
    public void AppealDecided(bool upheld, DateOnly? reopenedDueOn)
    {
        AppealUpheld ??= upheld;
        if (upheld && reopenedDueOn is { } due && (RectificationDueOn is null || due > RectificationDueOn)) (RectificationDueOn, RectifiedOn) = (due, null);
    }

    /// <summary>Counts the working days once acceptance and conclusion are both known, whichever event came last.</summary>
    public void CountWorkingDays(WorkingDayCalendar calendar)
    {
        if (WorkingDays is null && AcceptedOn is { } from && ConcludedOn is { } to && to >= from)
            WorkingDays = calendar.CountWorkingDays(from, to);
    }

    /// <summary>A copy for the roll-up's before-and-after comparison.</summary>
    public CaseFact Snapshot() => (CaseFact)MemberwiseClone();

    public void Touch() => Revision++;
}
