namespace Tongban.Applications.Contracts;

/// <summary>
/// The applicant withdrew the case (撤回) before a decision. Published through the applications outbox with the change,
/// type <see cref="MessageType"/>; the statistics module counts withdrawals. No notice goes to the applicant (they acted).
/// </summary>
public sealed record CaseWithdrawn(Guid CaseId, string CaseNumber, DateTimeOffset WithdrawnAt)
{
    public const string MessageType = "applications.case_withdrawn";
}

/// <summary>
/// Staff recorded a visit (跑动) of the applicant to a case outside submission and collection, which carry their own trips
/// on <see cref="CaseChangedForApplicant.Trips"/>. Published through the applications outbox with the change, type
/// <see cref="MessageType"/>, with the case's trips so far and the item's promise; the statistics module counts them.
/// </summary>
public sealed record CaseTripRecorded(Guid CaseId, string CaseNumber, int Trips, int PromisedTrips, DateTimeOffset RecordedAt)
{
    public const string MessageType = "applications.case_trip_recorded";
}
