using Tongban.Kernel.Calendar;

namespace Tongban.Statistics.Domain;

/// <summary>
/// What the statistics know of one case, from the events about it: where it belongs and its 好差评 (<see cref="Fact"/>),
/// and the day of each of its own milestones. Every milestone is set once and never moved, so events in any order, or
/// twice, leave the same row; corrections count each event once (the handler skips a message already applied).
/// </summary>
internal sealed class CaseFact : Fact
{
    private CaseFact() { }

    public Guid CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
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
    public static CaseFact Start(Guid caseId, string number) => new() { CaseId = caseId, CaseNumber = number };

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

    /// <summary>Counts the working days once acceptance and conclusion are both known, whichever event came last.</summary>
    public void CountWorkingDays(WorkingDayCalendar calendar)
    {
        if (WorkingDays is null && AcceptedOn is { } from && ConcludedOn is { } to && to >= from)
            WorkingDays = calendar.CountWorkingDays(from, to);
    }
}
