using Tongban.Applications.Contracts;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;

namespace Tongban.Statistics.Features.KeepFacts;

/// <summary>Keeps the withdrawal (撤回) on the case's fact from <see cref="CaseWithdrawn"/>.</summary>
internal sealed class CaseWithdrawnHandler(FactKeeper keeper, RegionClock clock) : IOutboxHandler
{
    public string MessageType => CaseWithdrawn.MessageType;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var withdrawn = message.Read<CaseWithdrawn>();
        return keeper.ApplyAsync(message.Id, withdrawn.CaseId, withdrawn.CaseNumber, fact => fact.Withdrawn(clock.DateAt(withdrawn.WithdrawnAt)), cancellationToken);
    }
}

/// <summary>Keeps a visit staff recorded (跑动) on the case's fact from <see cref="CaseTripRecorded"/>: the trips so far and the promise.</summary>
internal sealed class CaseTripHandler(FactKeeper keeper) : IOutboxHandler
{
    public string MessageType => CaseTripRecorded.MessageType;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var trip = message.Read<CaseTripRecorded>();
        return keeper.ApplyAsync(message.Id, trip.CaseId, trip.CaseNumber, fact => fact.TripsSeen(trip.Trips, trip.PromisedTrips), cancellationToken);
    }
}
