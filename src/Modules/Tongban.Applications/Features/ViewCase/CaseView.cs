using Tongban.Applications.Domain;

namespace Tongban.Applications.Features.ViewCase;

internal sealed record DeadlineView(DateOnly? DueOn, int Remaining, bool ClockStopped, string Level);

internal sealed record ExpectedView(IReadOnlyList<CorrectionItem> Corrections, IReadOnlyList<DeferredMaterial> DeferredMaterials, IReadOnlyList<string> OverdueDeferred);

internal sealed record TripsView(int Actual, int Promised, bool OverPromise, IReadOnlyList<Trip> Visits);

/// <summary>Whose turn it is and what happens next, in both languages; the date a closed case closed.</summary>
internal sealed record ProgressView(string WhoZh, string WhoEn, string NextZh, string NextEn, DateOnly? ClosedOn)
{
    public static ProgressView Of(CaseProgress p) => new(p.WhoZh, p.WhoEn, p.NextZh, p.NextEn, p.ClosedOn);
}

/// <summary>A case as the API answers it: to its applicant and to staff alike (the ID number masked).</summary>
internal sealed record CaseView(
    Guid Id, string Number, string ItemCode, string ItemName, int ItemVersion, string Status, string Channel,
    string ApplicantName, string ApplicantMaskedId, string SubmittedBy, DateTimeOffset SubmittedAt, DateOnly? AcceptedOn,
    DeadlineView Deadline, string? CurrentStep, string? Outcome, string? DecisionOpinion, string? RefusalReason, string? LegalNotice,
    string? Delivery, string? TrackingNumber, IReadOnlyDictionary<string, string> Form, IReadOnlyList<MaterialRef> Materials,
    ExpectedView Expected, TripsView Trips, IReadOnlyList<CaseEvent> History, string? StationKey, BundleRef? Bundle)
{
    public static CaseView Of(Case c, Deadline d, DateOnly today) => new(
        c.Id.Value, c.Number, c.ItemCode, c.ItemName, c.ItemVersion, c.Status.ToString(), c.Channel.ToString(),
        c.ApplicantName, c.ApplicantMaskedId, c.SubmittedBy, c.SubmittedAt, c.AcceptedOn,
        new DeadlineView(d.DueOn, d.Remaining, d.ClockStopped, d.Level.ToString()), c.CurrentStep?.Key, c.Outcome?.ToString(), c.DecisionOpinion,
        c.RefusalReason, c.LegalNotice, c.Delivery?.ToString(), c.TrackingNumber, c.Form, c.Provided,
        new ExpectedView(c.Corrections, [.. c.OutstandingDeferred], [.. c.OutstandingDeferred.Where(m => m.PromisedBy < today).Select(m => m.Key)]),
        new TripsView(c.Trips.Count, c.PromisedTrips, c.TripsOverPromise, c.Trips), c.History, c.StationKey, c.Bundle);

    /// <summary>Where the case stands (<see cref="CaseReader.ViewAsync"/> fills it in).</summary>
    public ProgressView? Progress { get; init; }
}
