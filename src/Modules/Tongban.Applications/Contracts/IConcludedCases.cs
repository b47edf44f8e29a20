namespace Tongban.Applications.Contracts;

/// <summary>
/// A concluded case as the license library issues from it: the item, the handling department, the applicant's account
/// and name (never the ID number: the identity module gives it to the holder's own license), the decision and the form
/// values as the case keeps them.
/// </summary>
public sealed record ConcludedCaseInfo(
    Guid CaseId,
    string Number,
    string ItemCode,
    string ItemName,
    string DepartmentCreditCode,
    Guid ApplicantAccountId,
    string ApplicantName,
    bool Approved,
    string? DecisionOpinion,
    DateOnly ConcludedOn,
    IReadOnlyDictionary<string, string> Form);

/// <summary>What the license library reads of a case after <see cref="CaseConcluded"/>.</summary>
public interface IConcludedCases
{
    /// <summary>The case if it is concluded, else null.</summary>
    Task<ConcludedCaseInfo?> FindAsync(Guid caseId, CancellationToken cancellationToken);
}
