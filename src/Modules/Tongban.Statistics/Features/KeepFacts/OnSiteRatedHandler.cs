using Tongban.Applications.Contracts;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;
using Tongban.Statistics.Domain;

namespace Tongban.Statistics.Features.KeepFacts;

/// <summary>
/// Keeps a rating taken on site (<see cref="OnSiteRated"/>) as its own fact, counted in the 好差评 figures under the channel
/// <c>window</c>: with the item and division of the case it joined, or the window's department and the hall's division.
/// </summary>
internal sealed class OnSiteRatedHandler(FactKeeper keeper, RegionClock clock) : IOutboxHandler
{
    public string MessageType => OnSiteRated.MessageType;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var rated = message.Read<OnSiteRated>();
        return keeper.ApplyOnSiteAsync(message.Id, rated.TicketId, fact =>
        {
            fact.Place(rated.ItemCode, rated.ItemName, rated.DepartmentCreditCode, rated.DivisionCode, OnSiteRatingFact.WindowChannel);
            fact.JoinCase(rated.CaseNumber);
            fact.Rated(rated.Level, clock.DateAt(rated.RatedAt));
        }, cancellationToken);
    }
}
