using Tongban.Applications.Domain;
using Tongban.Catalog.Contracts;

namespace Tongban.Applications.Features.SubmitApplication;

/// <summary>
/// One application as it is submitted, whoever submits it: the applicant online, a window clerk for a walk-in,
/// an agent for a principal. <see cref="SubmissionKey"/> makes a repeat of it the same submission.
/// </summary>
internal sealed record Submission(
    string ItemCode,
    Guid ApplicantId,
    IReadOnlyDictionary<string, string> Form,
    IReadOnlyList<MaterialRef> Materials,
    Channel Channel,
    string SubmissionKey,
    string Actor,
    string? VisitPlace = null,
    string? StationKey = null,
    Guid? VisitTicket = null)
{
    /// <summary>The idempotency key a client sent with the form (a double click repeats it), or a fresh one.</summary>
    public static string KeyOf(string? clientKey) => string.IsNullOrWhiteSpace(clientKey) ? Guid.NewGuid().ToString("N") : clientKey.Trim();
}

internal static class ItemSnapshots
{
    /// <summary>Conditional materials are not required at submission: the clerk asks for them by correction when the condition holds.</summary>
    public static ItemSnapshot Of(ApplicableItem item) => new(
        item.ImplementationCode, item.Name, item.VersionNumber, item.DepartmentCreditCode, item.DivisionCode, item.PromisedLimitDays, item.PromisedTrips,
        [.. item.Materials.Select(m => new CaseMaterial(m.Key, m.Name, m.Required && m.Condition is null, m.Tolerable))],
        [.. item.Process.Select(s => new CaseStep(s.Key, s.NameZh, s.NameEn, s.Role))]);
}
