using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Tongban.Federation.Data;
using Tongban.Federation.Domain;
using Tongban.Kernel.Errors;

namespace Tongban.Federation.Features.Reconcile;

/// <summary>
/// <c>POST /api/federation/digest</c> on the province: the digest of a city's records of one kind and day within a key
/// range, and the key:version lines themselves when asked and the range is small. A question over the whole day is a
/// reconciliation's verdict and is recorded (the status page's "last reconciliation").
/// </summary>
internal sealed class AnswerDigest(Receive.CityGate gate, FederationDbContext db, TimeProvider clock)
{
    public const int ListLimit = 1024;

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (passed, refused) = await gate.OpenAsync(request, cancellationToken);
        if (passed is null) return refused!;
        DigestQuestion? question;
        try
        {
            question = JsonSerializer.Deserialize<DigestQuestion>(passed.Body, Wire.Json);
        }
        catch (JsonException)
        {
            question = null;
        }
        if (question?.Kind is null || question.City != passed.City.Code)
            return await gate.RefuseAsync(passed.City.Code, "malformed", new("federation.malformed", "请求内容无法读取", "The request body cannot be read", ErrorKind.BadRequest), cancellationToken);
        var records = await InRangeAsync(passed.City.Code, question, cancellationToken);
        var digest = Digest.Of(records.Select(r => (r.Key, r.Version)));
        if (question.From is null && question.To is null)
        {
            var matched = digest == new Digest(question.Count, question.Hash);
            db.Exchanges.Add(ExchangeEntry.Reconciled(passed.City.Code, digest.Count, matched, 0, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        var list = question.List && records.Count <= ListLimit ? records : null;
        return TypedResults.Ok(new DigestAnswer(digest.Count, digest.Hash, list));
    }

    private async Task<List<KeyVersion>> InRangeAsync(string city, DigestQuestion question, CancellationToken cancellationToken)
    {
        var day = await db.Records.AsNoTracking().Where(r => r.City == city && r.Kind == question.Kind && r.Day == question.Day)
            .Select(r => new KeyVersion(r.Key, r.Version)).ToListAsync(cancellationToken);
        // Ranges are compared in ordinal order in memory: the databases' collations would not agree with each other.
        return [.. day.Where(r => KeyRange.Contains(question.From, question.To, r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal)];
    }
}

internal static class KeyRange
{
    public static bool Contains(string? from, string? to, string key) =>
        (from is null || string.CompareOrdinal(key, from) >= 0) && (to is null || string.CompareOrdinal(key, to) < 0);
}
