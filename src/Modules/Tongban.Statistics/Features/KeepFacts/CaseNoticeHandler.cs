using Tongban.Applications.Contracts;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;

namespace Tongban.Statistics.Features.KeepFacts;

/// <summary>
/// Keeps case facts from the notices Applications publishes at each step (<see cref="CaseChangedForApplicant"/>):
/// submitted, accepted (also with deferred materials), refused, correction requested, concluded. Reminders say nothing new.
/// </summary>
internal sealed class CaseNoticeHandler(FactKeeper keeper, RegionClock clock) : IOutboxHandler
{
    public string MessageType => CaseChangedForApplicant.MessageType;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var notice = message.Read<CaseChangedForApplicant>();
        var on = clock.DateAt(notice.OccurredAt);
        return notice.Kind switch
        {
            ApplicantNoticeKinds.DeferredReminder or ApplicantNoticeKinds.DeferredOverdue or ApplicantNoticeKinds.Decided => Task.CompletedTask,
            _ => keeper.ApplyAsync(message.Id, notice.CaseId, notice.CaseNumber, fact =>
            {
                fact.Place(notice.ItemCode, notice.ItemName, notice.DepartmentCreditCode, notice.DivisionCode, notice.Channel);
                if (notice.Trips is { } trips) fact.TripsSeen(trips, notice.PromisedTrips);
                Apply(fact, notice, on);
            }, cancellationToken),
        };
    }

    private static void Apply(Domain.CaseFact fact, CaseChangedForApplicant notice, DateOnly on)
    {
        switch (notice.Kind)
        {
            case ApplicantNoticeKinds.Submitted: fact.Received(on, notice.MaterialsProvided, notice.MaterialsReused); break;
            case ApplicantNoticeKinds.Accepted: fact.Accepted(on, notice.DueOn); break;
            case ApplicantNoticeKinds.AcceptedWithDeferred: fact.Accepted(on, notice.DueOn); fact.AcceptedWithDeferred(); break;
            case ApplicantNoticeKinds.Refused: fact.Refused(on); break;
            case ApplicantNoticeKinds.CorrectionRequested: fact.CorrectionRequested(); break;
            case ApplicantNoticeKinds.Concluded: fact.Concluded(on); break;
        }
    }
}
