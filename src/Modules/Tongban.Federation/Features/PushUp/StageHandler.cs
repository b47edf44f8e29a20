using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tongban.Federation.Data;
using Tongban.Federation.Domain;
using Tongban.Federation.Kinds;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;

namespace Tongban.Federation.Features.PushUp;

/// <summary>
/// Writes what an outbox event changes into <c>fed_outgoing</c>: a new record at version 1, a changed one at its next
/// version, due to be pushed. A repeated event merges to the same payload and changes nothing, so the outbox's
/// at-least-once delivery never raises a version twice. Two events of one record at once (two instances' workers): the
/// version is a concurrency token and the key unique, so the loser's save fails and it stages again on the newer row
/// (<see cref="WriteConflicts.RetryAsync"/>).
/// </summary>
internal sealed class StageHandler(string messageType, UpwardKind kind, FederationDbContext db, TimeProvider clock) : IOutboxHandler
{
    public string MessageType => messageType;

    public Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        WriteConflicts.RetryAsync(() => StageAsync(message, cancellationToken), db.ChangeTracker.Clear, cancellationToken);

    private async Task StageAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (await kind.ReadAsync(message, cancellationToken) is not { } change) return;
        var now = clock.GetUtcNow();
        var row = await db.Outgoing.FirstOrDefaultAsync(r => r.Kind == kind.Code && r.Key == change.Key, cancellationToken);
        if (row is null)
            db.Outgoing.Add(OutgoingRecord.Stage(kind.Code, change.Key, change.Day, change.ItemCode, change.Merge(null).ToJsonString(), now));
        else if (!row.Change(change.ItemCode, change.Merge(JsonNode.Parse(row.Payload) as JsonObject).ToJsonString(), now))
            return;
        await db.SaveChangesAsync(cancellationToken);
    }
}
