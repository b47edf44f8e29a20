using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Nodes.Data;

namespace Tongban.Nodes.Node;

/// <summary>
/// Message ids a provider node accepted, kept for twice the allowed clock skew (older messages are refused by their
/// time anyway). The id is the table's key and is inserted with ON CONFLICT DO NOTHING, so the same id twice — in one
/// batch, here or on another instance on the same database — inserts nothing the second time: a replay is refused.
/// Ids arriving together are committed together (the kernel's group commit), one transaction per batch; ids past their
/// time are pruned at most once a minute.
/// </summary>
internal sealed class ReplayGuard(IServiceScopeFactory scopes, TimeProvider clock) : IAsyncDisposable
{
    private const int MaxBatch = 500;
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(1);

    private sealed class Seen(SeenMessage message, TimeSpan keep)
    {
        public SeenMessage Message { get; } = message;
        public TimeSpan Keep { get; } = keep;
        public bool First { get; set; }
    }

    private readonly GroupCommit<Seen, Writer> _commits = new(() => Writer.OpenAsync(scopes), (writer, batch) => writer.WriteAsync(batch), MaxBatch);

    public async Task<bool> FirstTimeAsync(Guid messageId, string sender, TimeSpan keep, CancellationToken cancellationToken)
    {
        var seen = new Seen(new SeenMessage { MessageId = messageId, Sender = sender, SeenAt = clock.GetUtcNow() }, keep);
        await _commits.WriteAsync(seen, cancellationToken);
        return seen.First;
    }

    public ValueTask DisposeAsync() => _commits.DisposeAsync();

    private sealed class Writer : IAsyncDisposable
    {
        private readonly HeldConnection<NodesDbContext> _held;
        private readonly StoreTable _seen;
        private readonly DbCommand _insert;
        private readonly DbCommand _prune;
        private DateTimeOffset _prunedAt = DateTimeOffset.MinValue;

        private Writer(HeldConnection<NodesDbContext> held)
        {
            _held = held;
            _seen = StoreTable.Of<SeenMessage>(held.Db.Model);
            _insert = held.Command(_seen.InsertSql() + $" ON CONFLICT ({_seen.Column(nameof(SeenMessage.MessageId))}) DO NOTHING", _seen.Properties);
            var seenAt = _seen.Property(nameof(SeenMessage.SeenAt));
            _prune = held.Command($"DELETE FROM {_seen.Name} WHERE {_seen.Column(seenAt)} < @p0", [seenAt]);
        }

        public static async Task<Writer> OpenAsync(IServiceScopeFactory scopes) => new(await HeldConnection.OpenAsync<NodesDbContext>(scopes));

        public async Task WriteAsync(List<Seen> batch)
        {
            await using var transaction = await _held.Connection.BeginTransactionAsync();
            var now = batch[^1].Message.SeenAt;
            if (now - _prunedAt >= PruneEvery)
            {
                var keep = batch.Max(s => s.Keep);
                await _held.RunAsync(_prune, transaction, [[_seen.Property(nameof(SeenMessage.SeenAt)).ToProvider(now - keep)]]);
                _prunedAt = now;
            }
            var inserted = await _held.RunAsync(_insert, transaction, [.. batch.Select(s => _seen.Row(s.Message))]);
            await transaction.CommitAsync();
            for (var i = 0; i < batch.Count; i++) batch[i].First = inserted[i] == 1;
        }

        public async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            await _prune.DisposeAsync();
            await _held.DisposeAsync();
        }
    }
}
