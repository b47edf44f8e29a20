using System.Text.Json.Nodes;
using Tongban.Applications.Contracts;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Ratings;
using Tongban.Kernel.Time;

namespace Tongban.Federation.Kinds;

/// <summary>
/// A rating (好差评) of a case in the GB/T 39046-2020 评价 shape, with the provincial push's satisfaction and channel
/// beside it: the two number the levels in opposite orders, each mapped by its own table (<see cref="NationalCodes"/>).
/// The applicant's own rating online (<see cref="CaseRated"/>, once per case, 次数 1, 首评) is keyed by the case number;
/// a rating taken on site at a hall window's tablet (<see cref="OnSiteRated"/>, 现场"一次一评", one per visit) by the case
/// number and the ticket, and goes up only when the visit joined a case: the province keeps ratings of cases.
/// </summary>
internal sealed class RatingKind(RegionClock clock) : UpwardKind
{
    public const string Kind = "rating";

    public override string Code => Kind;

    public override Task<UpwardChange?> ReadAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.FromResult(message.Type switch
    {
        OnSiteRated.MessageType when message.Read<OnSiteRated>() is { CaseNumber.Length: > 0 } rated =>
            Change($"{rated.CaseNumber}/{rated.TicketId:N}", rated.CaseNumber, rated.Level, rated.Bad, rated.RatedAt, NationalCodes.RatedAtHallTablet),
        CaseRated.MessageType when message.Read<CaseRated>() is { } rated =>
            Change(rated.CaseNumber, rated.CaseNumber, rated.Level, rated.Bad, rated.RatedAt, NationalCodes.RatedOnline),
        _ => null,
    });

    private UpwardChange? Change(string key, string caseNumber, int value, bool bad, DateTimeOffset ratedAt, string channel)
    {
        var level = (RatingLevel)value;
        if (!Enum.IsDefined(level)) return null;
        var record = new JsonObject
        {
            ["caseNumber"] = caseNumber,
            ["time"] = NationalCodes.Time(clock.Local(ratedAt)),
            ["count"] = 1,
            ["satisfactionCode"] = NationalCodes.Gb39046Satisfaction[level],
            ["provincialSatisfaction"] = NationalCodes.ProvincialSatisfaction[level],
            ["provincialChannel"] = channel,
            ["bad"] = bad,
        };
        return new UpwardChange(key, clock.DateAt(ratedAt), null, _ => record);
    }
}
