using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Kernel.Outbox;

namespace Tongban.Applications.Features.NotifyApplicant;

/// <summary>Puts a <see cref="CaseChangedForApplicant"/> into the outbox beside the case change, so both commit or neither.</summary>
internal static class ApplicantNotices
{
    public static void Publish(ApplicationsDbContext db, Case c, string kind, DateOnly? date, DateTimeOffset at, string? material = null) =>
        db.Publish(CaseChangedForApplicant.MessageType,
            new CaseChangedForApplicant(c.Id.Value, c.Number, c.ItemName, c.ApplicantId, kind, date, material, at,
                c.ItemCode, c.DepartmentCreditCode, c.DivisionCode, c.Channel.ToString().ToLowerInvariant(), c.DueOn, c.Trips.Count, c.PromisedTrips,
                c.Provided.Count, MaterialRef.Reused(c.Provided)), at);

    /// <summary>The notice a staff action gives the applicant, if any (a process step or a clock stop gives none); a recorded trip is published for the statistics.</summary>
    public static void PublishFor(ApplicationsDbContext db, Case c, string action, DateTimeOffset at)
    {
        (string Kind, DateOnly? Date)? notice = action switch
        {
            "accept" => (ApplicantNoticeKinds.Accepted, c.DueOn),
            "accept-deferred" => (ApplicantNoticeKinds.AcceptedWithDeferred, c.OutstandingDeferred.Min(d => (DateOnly?)d.PromisedBy)),
            "refuse" => (ApplicantNoticeKinds.Refused, null),
            "request-correction" => (ApplicantNoticeKinds.CorrectionRequested, null),
            "decide" => (ApplicantNoticeKinds.Decided, null),
            "conclude" => (ApplicantNoticeKinds.Concluded, null),
            _ => null,
        };
        if (notice is { } n) Publish(db, c, n.Kind, n.Date, at);
        if (action == "record-trip")
            db.Publish(CaseTripRecorded.MessageType, new CaseTripRecorded(c.Id.Value, c.Number, c.Trips.Count, c.PromisedTrips, at), at);
    }

    /// <summary>A withdrawal, for the statistics (the applicant gets no notice of their own act).</summary>
    public static void PublishWithdrawn(ApplicationsDbContext db, Case c, DateTimeOffset at) =>
        db.Publish(CaseWithdrawn.MessageType, new CaseWithdrawn(c.Id.Value, c.Number, at), at);
}
