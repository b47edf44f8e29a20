using System.Text.Json.Nodes;
using Tongban.Applications.Contracts;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Ratings;
using Tongban.Kernel.Time;

namespace Tongban.Federation.Kinds;

/// <summary>
/// A rating (好差评) of a case in the GB/T 39046-2020 评价 shape, with the provincial push's satisfaction beside it:
/// the two number the levels in opposite orders, each mapped by its own table (<see cref="NationalCodes"/>). A case is
/// rated once (次数 1, 首评).
/// </summary>
internal sealed class RatingKind(RegionClock clock) : UpwardKind
{
    public const string Kind = "rating";

    public override string Code => Kind;

    public override Task<UpwardChange?> ReadAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var rated = message.Read<CaseRated>();
        var level = (RatingLevel)rated.Level;
        if (!Enum.IsDefined(level)) return Task.FromResult<UpwardChange?>(null);
        var record = new JsonObject
        {
            ["caseNumber"] = rated.CaseNumber,
            ["time"] = NationalCodes.Time(clock.Local(rated.RatedAt)),
            ["count"] = 1,
            ["satisfactionCode"] = NationalCodes.Gb39046Satisfaction[level],
            ["provincialSatisfaction"] = NationalCodes.ProvincialSatisfaction[level],
            ["bad"] = rated.Bad,
        };
        return Task.FromResult<UpwardChange?>(new UpwardChange(rated.CaseNumber, clock.DateAt(rated.RatedAt), null, _ => record));
    }
}
