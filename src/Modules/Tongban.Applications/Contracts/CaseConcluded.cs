namespace Tongban.Applications.Contracts;

/// <summary>
/// A case was concluded (办结) and its result delivered. Published through the applications outbox after commit,
/// type <see cref="MessageType"/>; the license library issues a license from an approved one.
/// </summary>
public sealed record CaseConcluded(
    Guid CaseId,
    string CaseNumber,
    string ItemCode,
    int ItemVersion,
    Guid ApplicantAccountId,
    bool Approved,
    string Delivery,
    DateTimeOffset ConcludedAt)
{
    public const string MessageType = "applications.case_concluded";
}
