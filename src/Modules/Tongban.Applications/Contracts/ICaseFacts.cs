namespace Tongban.Applications.Contracts;

/// <summary>
/// What the statistics count of one case, as the case tables hold it now: what <see cref="CaseChangedForApplicant"/>
/// carries at each step (item, department, division, channel <c>online</c>/<c>window</c>/<c>station</c>, due date) with
/// the time of each milestone, how often a correction was asked (补正), whether materials were deferred at acceptance
/// (容缺), the visits recorded (trips) against the item's promise, the withdrawal and the rating, and the materials
/// provided with how many were reused (免提交), and a bad rating's rectification as it stands now (整改: its due date, when
/// it was reported — null while it is open, also when an upheld appeal reopened it — the appeal and whether it was upheld). Times are instants;
/// the reader takes the region's day of them.
/// </summary>
public sealed record CaseFactRow(
    Guid CaseId,
    string Number,
    string ItemCode,
    string ItemName,
    string DepartmentCreditCode,
    string DivisionCode,
    string Channel,
    DateTimeOffset SubmittedAt,
    DateOnly? AcceptedOn,
    DateOnly? DueOn,
    DateTimeOffset? RefusedAt,
    DateTimeOffset? WithdrawnAt,
    DateOnly? ConcludedOn,
    int Corrections,
    int DeferredMaterials,
    int Trips,
    int PromisedTrips,
    int? RatingLevel,
    DateTimeOffset? RatedAt,
    int MaterialsProvided = 0,
    int MaterialsReused = 0,
    DateOnly? RectificationDueOn = null,
    DateTimeOffset? RectifiedAt = null,
    DateTimeOffset? AppealedAt = null,
    bool? AppealUpheld = null);

/// <summary>
/// The cases as facts for the statistics' backfill (<c>tongban statistics rebuild --facts</c>): pages in case-number order,
/// each page read by the number index after the last one seen, so a page costs the same at the first case or the millionth.
/// </summary>
public interface ICaseFacts
{
    /// <summary>Whether any case exists.</summary>
    Task<bool> AnyAsync(CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="size"/> cases whose number follows <paramref name="after"/> (null: from the first).</summary>
    Task<IReadOnlyList<CaseFactRow>> PageAsync(string? after, int size, CancellationToken cancellationToken);
}
