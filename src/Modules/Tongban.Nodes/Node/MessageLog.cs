using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Keys;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;

namespace Tongban.Nodes.Node;

/// <summary>What to log of one message: which way, its ids, its header's canonical text and signature, and the outcome.</summary>
internal sealed record MessageLogDraft(string Direction, Guid MessageId, string Sender, string Recipient, string Service, string Header, string Signature, string Outcome)
{
    /// <summary>
    /// What the log keeps of a signed message (<c>{document, signature}</c>) about <paramref name="header"/>: sender, recipient,
    /// service, the signed header, the signature, the outcome. A message whose header could not be read is logged as
    /// addressed to <paramref name="here"/> (this node), with whatever it carried.
    /// </summary>
    public static MessageLogDraft Of(string direction, MessageHeader? header, System.Text.Json.Nodes.JsonNode? signed, string outcome, string here) => new(direction,
        header?.MessageId ?? Guid.Empty, header?.Sender ?? "", header?.Recipient ?? here, header?.Service ?? "",
        MessageLog.HeaderText(signed?["document"]), signed?["signature"]?["value"]?.ToString() ?? "", outcome);
}

/// <summary>
/// Appends to the node's message log, the kernel hash chain <c>nodes.message-log</c>: one transaction locks the head,
/// links the entry and moves the head, so two writers (or two processes on one database) never fork the chain.
/// </summary>
internal sealed class MessageLog(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task AppendAsync(MessageLogDraft draft, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NodesDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        await using var head = HashChain.Head<MessageLogHead>(db);
        var (sequence, hash) = await head.LockAsync(transaction.GetDbTransaction(), CancellationToken.None);
        var entry = new MessageLogEntry
        {
            Sequence = sequence + 1, At = HashChain.ToMilliseconds(clock.GetUtcNow()), Direction = draft.Direction, MessageId = draft.MessageId,
            Sender = Cut(draft.Sender, 51), Recipient = Cut(draft.Recipient, 51), Service = Cut(draft.Service, 100), Header = Cut(draft.Header, 4000),
            Signature = Cut(draft.Signature, 200), Outcome = draft.Outcome, PreviousHash = hash,
        }.Seal();
        db.MessageLog.Add(entry);
        // The message has been handled: its log entry is written even if the caller stopped waiting.
        await db.SaveChangesAsync(CancellationToken.None);
        await head.MoveAsync(transaction.GetDbTransaction(), entry.Sequence, entry.Hash, CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    /// <summary>The header's canonical text as logged, or what arrived when it was not even a document.</summary>
    public static string HeaderText(System.Text.Json.Nodes.JsonNode? header) =>
        header is null ? "" : CanonicalJsonOrRaw(header);

    private static string CanonicalJsonOrRaw(System.Text.Json.Nodes.JsonNode header)
    {
        try
        {
            return CanonicalJson.Text(header);
        }
        catch (NotSupportedException)
        {
            return header.ToJsonString();
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
