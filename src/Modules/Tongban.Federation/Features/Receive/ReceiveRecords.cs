using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Contracts;
using Tongban.Federation.Data;
using Tongban.Federation.Domain;
using Tongban.Federation.Kinds;
using Tongban.Kernel.Errors;

namespace Tongban.Federation.Features.Receive;

/// <summary>
/// <c>POST /api/federation/records</c> on the province: a signed batch from a registered city, stored in one
/// transaction. Each record is upserted by (city, kind, key) and version, so a repeated batch changes nothing and an
/// older version never overwrites a newer one; a city can only ever write under its own code. A record of an item the
/// province does not know is stored held with its reason. A batch with a wrong record is refused whole, naming it.
/// </summary>
internal sealed class ReceiveRecords(CityGate gate, FederationDbContext db, IServiceItems items, IEnumerable<UpwardKind> kinds, TimeProvider clock)
{
    public const string UnknownItem = "unknown_item";

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (passed, refused) = await gate.OpenAsync(request, cancellationToken);
        if (passed is null) return refused!;
        var city = passed.City.Code;
        var push = Parse(passed.Body);
        if (push is null || push.Records is null)
            return await gate.RefuseAsync(city, "malformed", Error("malformed", "请求内容无法读取", "The request body cannot be read"), cancellationToken);
        if (push.City != city)
            return await gate.RefuseAsync(city, "city_mismatch", new("federation.city_mismatch", "请求中的城市与签名不一致", "The city in the body is not the city that signed it", ErrorKind.Forbidden), cancellationToken);
        if (Check(push) is { } wrong) return await gate.RefuseAsync(city, "invalid_record", wrong, cancellationToken);
        try
        {
            return TypedResults.Ok(await StoreAsync(city, push, cancellationToken));
        }
        catch (DbUpdateException)
        {
            // Two pushes of the same record at once: the later one is refused whole and the city sends it again.
            return CityGate.Problem(new("federation.busy", "同一记录正在写入，请稍后重试", "The same record is being written; try again shortly", ErrorKind.Conflict));
        }
    }

    private async Task<PushAnswer> StoreAsync(string city, PushBody push, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (kindsIn, keys) = (push.Records.Select(r => r.Kind).Distinct().ToList(), push.Records.Select(r => r.Key).Distinct().ToList());
        var existing = (await db.Records.Where(r => r.City == city && kindsIn.Contains(r.Kind) && keys.Contains(r.Key)).ToListAsync(cancellationToken))
            .ToDictionary(r => (r.Kind, r.Key));
        var unknown = await UnknownItemsAsync(push.Records, cancellationToken);
        var answers = new List<Acknowledgement>();
        foreach (var wire in push.Records)
        {
            var pushed = new PushedRecord(wire.Kind, wire.Key, wire.Version, wire.Day, wire.ItemCode, wire.Payload.GetRawText());
            var held = wire.ItemCode is not null && unknown.Contains(wire.ItemCode) ? UnknownItem : null;
            if (existing.TryGetValue((wire.Kind, wire.Key), out var record))
            {
                var outcome = record.Apply(pushed, held, now);
                answers.Add(new(wire.Kind, wire.Key, wire.Version, outcome == ReceiveOutcome.Stored && held is not null ? "held" : outcome.ToString().ToLowerInvariant()));
                continue;
            }
            existing[(wire.Kind, wire.Key)] = ReceivedRecord.First(city, pushed, held, now);
            db.Records.Add(existing[(wire.Kind, wire.Key)]);
            answers.Add(new(wire.Kind, wire.Key, wire.Version, held is null ? "stored" : "held"));
        }
        db.Exchanges.Add(ExchangeEntry.Pushed(city, push.Batch, push.Records.Count, answers.Count(a => a.Outcome == "held"), Math.Max(0, push.Backlog), now));
        await db.SaveChangesAsync(cancellationToken);
        FederationMetrics.Received.Add(push.Records.Count);
        return new PushAnswer(push.Batch, answers);
    }

    private async Task<HashSet<string>> UnknownItemsAsync(IReadOnlyList<WireRecord> records, CancellationToken cancellationToken)
    {
        var codes = records.Select(r => r.ItemCode).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (codes.Count == 0) return codes;
        codes.ExceptWith((await items.FindApplicableAsync(codes, cancellationToken)).Select(i => i.ImplementationCode));
        return codes;
    }

    private DomainError? Check(PushBody push)
    {
        if (push.Records.Count > FederationOptions.MaxBatch || string.IsNullOrWhiteSpace(push.Batch) || push.Batch.Length > 64)
            return Error("batch", $"一批最多 {FederationOptions.MaxBatch} 条记录，且须有批次号", $"A batch holds at most {FederationOptions.MaxBatch} records and needs a batch key");
        var codes = kinds.Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < push.Records.Count; i++)
        {
            var r = push.Records[i];
            if (r is null || !codes.Contains(r.Kind ?? "") || string.IsNullOrWhiteSpace(r.Key) || r.Key.Length > 80 || r.Version < 1
                || r.ItemCode?.Length > 60 || r.Payload.ValueKind != JsonValueKind.Object)
                return Error("invalid_record", $"第 {i + 1} 条记录不完整或类型未知", $"Record {i + 1} is incomplete or of an unknown kind").At($"records[{i}]");
        }
        return push.Records.GroupBy(r => (r.Kind, r.Key)).Any(g => g.Count() > 1)
            ? Error("duplicate_record", "同一批中有重复的记录", "The batch holds the same record twice") : null;
    }

    private static PushBody? Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<PushBody>(body, Wire.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DomainError Error(string code, string zh, string en) => new($"federation.{code}", zh, en, ErrorKind.BadRequest);
}
