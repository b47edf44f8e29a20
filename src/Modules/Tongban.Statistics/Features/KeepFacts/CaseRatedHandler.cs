using Tongban.Applications.Contracts;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;

namespace Tongban.Statistics.Features.KeepFacts;

/// <summary>Keeps the rating (好差评) on the case's fact from <see cref="CaseRated"/>; a case is rated once, the first rating stays.</summary>
internal sealed class CaseRatedHandler(FactKeeper keeper, RegionClock clock) : IOutboxHandler
{
    public string MessageType => CaseRated.MessageType;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var rated = message.Read<CaseRated>();
        return keeper.ApplyAsync(message.Id, rated.CaseId, rated.CaseNumber, fact => fact.Rated(rated.Level, clock.DateAt(rated.RatedAt)), cancellationToken);
    }
}
