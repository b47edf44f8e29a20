namespace Tongban.Applications.Contracts;

/// <summary>
/// Something happened to a case that its applicant should hear about. Published through the applications outbox in the
/// same transaction as the change, type <see cref="MessageType"/>; the notifications module sends it by the applicant's
/// channels. <see cref="Date"/> is the one that matters for <see cref="Kind"/>: the due date when accepted, the promised
/// date of a deferred material; <see cref="Material"/> names the deferred material of a reminder. The case's item, department,
/// division, channel (<c>online</c>, <c>window</c>, <c>station</c>) and due date (once accepted) ride along for the
/// statistics module, which keeps its figures from these notices without reading the case; so do the trips (visits
/// recorded so far) and the item's promised trips, and the materials provided so far with how many of them were taken from
/// a registry, a department's system or an e-license instead of brought (免提交, the once-only rate).
/// </summary>
public sealed record CaseChangedForApplicant(
    Guid CaseId,
    string CaseNumber,
    string ItemName,
    Guid ApplicantAccountId,
    string Kind,
    DateOnly? Date,
    string? Material,
    DateTimeOffset OccurredAt,
    string? ItemCode = null,
    string? DepartmentCreditCode = null,
    string? DivisionCode = null,
    string? Channel = null,
    DateOnly? DueOn = null,
    int? Trips = null,
    int? PromisedTrips = null,
    int? MaterialsProvided = null,
    int? MaterialsReused = null)
{
    public const string MessageType = "applications.case_changed_for_applicant";
}

/// <summary>The kinds of <see cref="CaseChangedForApplicant"/>; notification templates are keyed by them.</summary>
public static class ApplicantNoticeKinds
{
    public const string Submitted = "submitted";
    public const string Accepted = "accepted";
    public const string AcceptedWithDeferred = "accepted_deferred";
    public const string Refused = "refused";
    public const string CorrectionRequested = "correction_requested";
    public const string Decided = "decided";
    public const string Concluded = "concluded";
    public const string DeferredReminder = "deferred_reminder";
    public const string DeferredOverdue = "deferred_overdue";

    public static readonly IReadOnlyList<string> All =
        [Submitted, Accepted, AcceptedWithDeferred, Refused, CorrectionRequested, Decided, Concluded, DeferredReminder, DeferredOverdue];

    /// <summary>Each kind as staff read it (a template's or a delivery's event), in both languages.</summary>
    public static (string Chinese, string English) Name(string kind) => kind switch
    {
        Submitted => ("申请已提交", "Application submitted"),
        Accepted => ("已受理", "Accepted"),
        AcceptedWithDeferred => ("已容缺受理", "Accepted with deferred materials"),
        Refused => ("不予受理", "Refused"),
        CorrectionRequested => ("需要补正", "Correction requested"),
        Decided => ("已作出决定", "Decided"),
        Concluded => ("已办结", "Concluded"),
        DeferredReminder => ("容缺材料补交提醒", "Deferred material reminder"),
        DeferredOverdue => ("容缺材料逾期", "Deferred material overdue"),
        _ => ("办件进展", "News on a case"),
    };
}
