using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Contracts;
using Tongban.Kernel.Outbox;

namespace Tongban.Statistics.Tests;

/// <summary>The demo region's departments these tests place cases in (regions/tieling).</summary>
internal static class DemoDepartments
{
    public const string Yinzhou = "11211202070242291R", Qinghe = "112112040730753298", County = "1121122100946870XD";
}

/// <summary>
/// The outbox messages Applications publishes about one synthetic case, built as Applications builds them, and delivered
/// to the app's handlers as the outbox dispatcher delivers them (in a fresh scope, by message type).
/// </summary>
internal sealed record CaseEvents(Guid CaseId, string Number, string ItemCode, string Department, string Channel, string Division)
{
    /// <summary>A case of an item; its division as Applications sends it (the item's), 银州区 unless said (the short form, as old messages had it).</summary>
    public static CaseEvents New(string itemCode, string department, string channel = "online", string division = "211202")
    {
        var id = Guid.NewGuid();
        return new(id, "ST" + id.ToString("N")[..12].ToUpperInvariant(), itemCode, department, channel, division);
    }

    /// <summary>Noon in the region (UTC+8) of the day.</summary>
    public static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(4, 0)), TimeSpan.Zero);

    public OutboxMessage Notice(string kind, DateOnly day, DateOnly? dueOn = null, int? trips = null, int? promisedTrips = null,
        int? materials = null, int? reused = null) =>
        OutboxMessage.Create(CaseChangedForApplicant.MessageType,
            new CaseChangedForApplicant(CaseId, Number, "统计测试事项" + ItemCode[^4..], Guid.NewGuid(), kind, dueOn, null, At(day),
                ItemCode, Department, Division, Channel, dueOn, trips, promisedTrips, materials, reused), At(day));

    public OutboxMessage Withdrawn(DateOnly day) =>
        OutboxMessage.Create(CaseWithdrawn.MessageType, new CaseWithdrawn(CaseId, Number, At(day)), At(day));

    public OutboxMessage Trip(DateOnly day, int trips, int promised) =>
        OutboxMessage.Create(CaseTripRecorded.MessageType, new CaseTripRecorded(CaseId, Number, trips, promised, At(day)), At(day));

    public OutboxMessage Submitted(DateOnly day) => Notice(ApplicantNoticeKinds.Submitted, day);

    public OutboxMessage Accepted(DateOnly day, DateOnly due) => Notice(ApplicantNoticeKinds.Accepted, day, due);

    public OutboxMessage Correction(DateOnly day) => Notice(ApplicantNoticeKinds.CorrectionRequested, day);

    public OutboxMessage Concluded(DateOnly day) => Notice(ApplicantNoticeKinds.Concluded, day);

    public OutboxMessage Reported(DateOnly day, DateOnly due) =>
        OutboxMessage.Create(RectificationReported.MessageType, new RectificationReported(CaseId, Number, due, day <= due, At(day)), At(day));

    public OutboxMessage Appealed(DateOnly day) =>
        OutboxMessage.Create(RectificationAppealed.MessageType, new RectificationAppealed(CaseId, Number, At(day)), At(day));

    public OutboxMessage Decided(DateOnly day, bool upheld, DateOnly? reopenedDue = null) =>
        OutboxMessage.Create(RectificationAppealDecided.MessageType, new RectificationAppealDecided(CaseId, Number, upheld, reopenedDue, At(day)), At(day));

    public OutboxMessage Rated(DateOnly day, int level) =>
        OutboxMessage.Create(CaseRated.MessageType, new CaseRated(CaseId, Number, level, level <= 2, At(day)), At(day));
}

internal static class Delivery
{
    public static async Task DeliverAsync(this TongbanApp app, params IEnumerable<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            await using var scope = app.Services.CreateAsyncScope();
            foreach (var handler in scope.ServiceProvider.GetServices<IOutboxHandler>().Where(h => h.MessageType == message.Type))
                await handler.HandleAsync(message, CancellationToken.None);
        }
    }
}
