using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tongban.Kernel.Audit;

/// <summary>
/// One link of the append-only audit chain. <see cref="Hash"/> covers the entry's content and
/// <see cref="PreviousHash"/>, so altering, removing or inserting an entry breaks the chain where it happened.
/// The sequence number is deliberately outside the hash: links, not numbers, carry the order.
/// </summary>
public sealed class AuditEntry : IChainLink
{
    public const string Genesis = HashChain.Genesis;

    private AuditEntry() { }

    public long Sequence { get; private set; }
    public Guid Id { get; private set; }
    public Guid SourceMessageId { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string Actor { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string? Details { get; private set; }
    public string PreviousHash { get; private set; } = Genesis;
    public string Hash { get; private set; } = "";

    internal static AuditEntry Append(long sequence, string previousHash, AuditRecord record, Guid sourceMessageId, DateTimeOffset recordedAt)
    {
        var entry = new AuditEntry
        {
            Sequence = sequence,
            Id = Guid.CreateVersion7(recordedAt),
            SourceMessageId = sourceMessageId,
            OccurredAt = HashChain.ToMilliseconds(record.OccurredAt),
            RecordedAt = HashChain.ToMilliseconds(recordedAt),
            Actor = record.Actor,
            Action = record.Action,
            Subject = record.Subject,
            Details = record.Details,
            PreviousHash = previousHash,
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }


    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            Id.ToString("N"), SourceMessageId.ToString("N"),
            OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture), RecordedAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            Actor, Action, Subject, Details ?? "", PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>The chain's head (one row), written with every append: a deleted tail shows against it.</summary>
public sealed class AuditHead : IChainHead
{
    public int Id { get; set; } = 1;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = AuditEntry.Genesis;
}
