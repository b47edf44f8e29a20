namespace Tongban.Applications.Contracts;

/// <summary>
/// The applicant rated their concluded case (好差评), level 1 (very dissatisfied) to 5 (very satisfied) on the kernel's
/// one scale. Published through the applications outbox with the rating, type <see cref="MessageType"/>; the statistics
/// module counts it.
/// </summary>
public sealed record CaseRated(Guid CaseId, string CaseNumber, int Level, bool Bad, DateTimeOffset RatedAt)
{
    public const string MessageType = "applications.case_rated";
}
