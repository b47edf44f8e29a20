using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
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
/// Appends to the node's message log, the kernel hash chain <c>nodes.message-log</c>. A message waits until its entry is
/// committed, so no answer leaves without it; entries arriving together are committed together (the kernel's group
/// commit), each batch one transaction that locks the head, links its entries and moves the head — so two writers (or
/// two processes on one database) never fork the chain, and under load the log costs a commit per batch, not per message.
/// </summary>
internal sealed class MessageLog(IServiceScopeFactory scopes, TimeProvider clock) : IAsyncDisposable
{
    private const int MaxBatch = 500;
    private readonly GroupCommit<(MessageLogDraft Draft, DateTimeOffset At), Writer> _commits =
        new(() => Writer.OpenAsync(scopes), (writer, batch) => writer.WriteAsync(batch), MaxBatch);

    /// <summary>Waits until the entry is written; the message has been handled, so it is written even if the caller stops waiting.</summary>
    public Task AppendAsync(MessageLogDraft draft, CancellationToken cancellationToken) =>
        _commits.WriteAsync((draft, clock.GetUtcNow()), cancellationToken);

    public ValueTask DisposeAsync() => _commits.DisposeAsync();

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

    /// <summary>
    /// The log's writer: a held connection with its whole-row INSERT prepared once from the EF model, as the registries'
    /// access log writes (kernel <see cref="HeldConnection{TContext}"/>, <see cref="StoreTable"/>).
    /// </summary>
    private sealed class Writer : IAsyncDisposable
    {
        private readonly HeldConnection<NodesDbContext> _held;
        private readonly ChainHeadStatements _head;
        private readonly StoreTable _log;
        private readonly DbCommand _insert;

        private Writer(HeldConnection<NodesDbContext> held)
        {
            _held = held;
            _head = HashChain.Head<MessageLogHead>(held.Db);
            _log = StoreTable.Of<MessageLogEntry>(held.Db.Model);
            _insert = held.Command(_log.InsertSql(), _log.Properties);
        }

        public static async Task<Writer> OpenAsync(IServiceScopeFactory scopes) => new(await HeldConnection.OpenAsync<NodesDbContext>(scopes));

        public async Task WriteAsync(List<(MessageLogDraft Draft, DateTimeOffset At)> batch)
        {
            await using var transaction = await _held.Connection.BeginTransactionAsync();
            var (sequence, hash) = await _head.LockAsync(transaction, CancellationToken.None);
            var rows = new List<object?[]>(batch.Count);
            foreach (var (draft, at) in batch)
            {
                var entry = new MessageLogEntry
                {
                    Sequence = sequence + 1, At = HashChain.ToMilliseconds(at), Direction = draft.Direction, MessageId = draft.MessageId,
                    Sender = Cut(draft.Sender, 51), Recipient = Cut(draft.Recipient, 51), Service = Cut(draft.Service, 100), Header = Cut(draft.Header, 4000),
                    Signature = Cut(draft.Signature, 200), Outcome = draft.Outcome, PreviousHash = hash,
                }.Seal();
                rows.Add(_log.Row(entry));
                (sequence, hash) = (entry.Sequence, entry.Hash);
            }
            await _held.RunAsync(_insert, transaction, rows);
            await _head.MoveAsync(transaction, sequence, hash, CancellationToken.None);
            await transaction.CommitAsync();
        }

        public async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            await _head.DisposeAsync();
            await _held.DisposeAsync();
        }
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
