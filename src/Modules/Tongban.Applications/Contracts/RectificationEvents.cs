namespace Tongban.Applications.Contracts;

/// <summary>
/// The department reported the rectification (整改报告) a bad rating opened, after calling the applicant back. Published
/// through the applications outbox with the report, type <see cref="MessageType"/>: the due date of the rectification
/// reported (a rectification reopened by an upheld appeal has a later one) and whether the report came on or before it
/// (<see cref="OnTime"/>, the region's day of <see cref="ReportedAt"/> against <see cref="DueOn"/>). The statistics module counts it.
/// A rating taken on site names its ticket (<see cref="TicketId"/>, as <see cref="OnSiteRated"/> does), with the case it
/// joined if any (<see cref="Guid.Empty"/> and an empty number otherwise).
/// </summary>
public sealed record RectificationReported(Guid CaseId, string CaseNumber, DateOnly DueOn, bool OnTime, DateTimeOffset ReportedAt, Guid? TicketId = null)
{
    public const string MessageType = "applications.rectification_reported";
}

/// <summary>
/// The applicant appealed (申诉) a reported rectification, once. Published through the applications outbox with the
/// appeal, type <see cref="MessageType"/>; the statistics module counts appeals.
/// </summary>
public sealed record RectificationAppealed(Guid CaseId, string CaseNumber, DateTimeOffset AppealedAt)
{
    public const string MessageType = "applications.rectification_appealed";
}

/// <summary>
/// An efficiency supervisor decided an appeal: <see cref="Upheld"/> reopens the rectification, due on
/// <see cref="ReopenedDueOn"/>; rejected closes it. Published through the applications outbox with the decision, type
/// <see cref="MessageType"/>; the statistics module counts the appeals upheld.
/// </summary>
public sealed record RectificationAppealDecided(Guid CaseId, string CaseNumber, bool Upheld, DateOnly? ReopenedDueOn, DateTimeOffset DecidedAt)
{
    public const string MessageType = "applications.rectification_appeal_decided";
}
