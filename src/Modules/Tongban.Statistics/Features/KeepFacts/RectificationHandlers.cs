using Tongban.Applications.Contracts;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;

namespace Tongban.Statistics.Features.KeepFacts;

/// <summary>
/// Keeps a bad rating's rectification report (整改) on the case's fact from <see cref="RectificationReported"/>: the due
/// date and the region's day reported (on time is that day against the due date, as the rebuild counts it). The report of
/// a rating taken on site goes to that rating's fact, by its ticket.
/// </summary>
internal sealed class RectificationReportedHandler(FactKeeper keeper, RegionClock clock) : IOutboxHandler
{
    public string MessageType => RectificationReported.MessageType;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var reported = message.Read<RectificationReported>();
        var on = clock.DateAt(reported.ReportedAt);
        return reported.TicketId is { } ticket
            ? keeper.ApplyOnSiteAsync(message.Id, ticket, fact => fact.RectificationReported(reported.DueOn, on), cancellationToken)
            : keeper.ApplyAsync(message.Id, reported.CaseId, reported.CaseNumber, fact => fact.RectificationReported(reported.DueOn, on), cancellationToken);
    }
}

/// <summary>Keeps the applicant's appeal (申诉) on the case's fact from <see cref="RectificationAppealed"/>.</summary>
internal sealed class RectificationAppealedHandler(FactKeeper keeper, RegionClock clock) : IOutboxHandler
{
    public string MessageType => RectificationAppealed.MessageType;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var appealed = message.Read<RectificationAppealed>();
        return keeper.ApplyAsync(message.Id, appealed.CaseId, appealed.CaseNumber, fact => fact.Appealed(clock.DateAt(appealed.AppealedAt)), cancellationToken);
    }
}

/// <summary>Keeps the supervisor's decision on an appeal from <see cref="RectificationAppealDecided"/>: upheld reopens the rectification.</summary>
internal sealed class RectificationAppealDecidedHandler(FactKeeper keeper) : IOutboxHandler
{
    public string MessageType => RectificationAppealDecided.MessageType;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var decided = message.Read<RectificationAppealDecided>();
        return keeper.ApplyAsync(message.Id, decided.CaseId, decided.CaseNumber, fact => fact.AppealDecided(decided.Upheld, decided.ReopenedDueOn), cancellationToken);
    }
}
