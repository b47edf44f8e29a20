using System.Security.Cryptography;
using Tongban.Kernel.Keys;
using System.Text.Json;

namespace Tongban.Federation.Features;

/// <summary>
/// What travels between a city and its province, as JSON. Every request body is signed as a whole with the city's
/// key (<see cref="SignedRequests"/>), so the city named inside it, the batch's idempotency key and the records are all
/// covered by the signature.
/// </summary>
internal sealed record PushBody(string City, string Batch, DateTimeOffset SentAt, int Backlog, IReadOnlyList<WireRecord> Records);

/// <summary>One record in the national shape (<see cref="Payload"/>), with its key, version, reconciliation day and item.</summary>
internal sealed record WireRecord(string Kind, string Key, long Version, DateOnly Day, string? ItemCode, JsonElement Payload);

/// <summary>The province's answer to a push: each record's outcome (stored, repeated, older, held), by key and version.</summary>
internal sealed record PushAnswer(string Batch, IReadOnlyList<Acknowledgement> Records);

internal sealed record Acknowledgement(string Kind, string Key, long Version, string Outcome);

/// <summary>
/// A reconciliation question: the province's digest of the city's records of a kind and day whose keys lie in
/// [<see cref="From"/>, <see cref="To"/>) (ordinal order; null is open), with the city's own digest for the record.
/// <see cref="List"/> asks for the key:version lines themselves, once a range is small.
/// </summary>
internal sealed record DigestQuestion(string City, string Kind, DateOnly Day, string? From, string? To, int Count, string Hash, bool List);

internal sealed record DigestAnswer(int Count, string Hash, IReadOnlyList<KeyVersion>? Records);

internal sealed record KeyVersion(string Key, long Version);

/// <summary>A city asks the province for its catalog's changes after <see cref="After"/> (null: from the start), signed as every request is.</summary>
internal sealed record CatalogQuestion(string City, string? After, int Limit);

/// <summary>
/// The province's answer, the whole body signed with the province's key (<see cref="Wire.SignatureHeader"/> on the
/// response): a feed document in the catalog's shape (docs/catalog-feed.md), the cursor to ask with next, when the
/// last item given changed, and whether more changes wait.
/// </summary>
internal sealed record CatalogAnswer(JsonElement Feed, int Count, string? Next, DateTimeOffset? ChangedUpTo, bool More);

internal static class Wire
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string CityHeader = "X-Federation-City";
    public const string SignatureHeader = "X-Federation-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string RecordsPath = "/api/federation/records";
    public const string DigestPath = "/api/federation/digest";
    public const string CatalogPath = "/api/federation/catalog";

    /// <summary>
    /// Whether <paramref name="signature"/> (the <see cref="SignatureHeader"/>, base64) is <paramref name="key"/>'s over the
    /// body's exact bytes, both ways on the wire (a city's question, the province's answer); a malformed signature is not.
    /// </summary>
    public static bool Verifies(PublicSigningKey key, byte[] body, string signature)
    {
        try
        {
            return signature.Length > 0 && key.Verify(body, Convert.FromBase64String(signature));
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }
}
