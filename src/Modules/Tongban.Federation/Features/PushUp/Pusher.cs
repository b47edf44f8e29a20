using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Federation.Data;
using Tongban.Federation.Domain;

namespace Tongban.Federation.Features.PushUp;

/// <summary>
/// Pushes the due rows of <c>fed_outgoing</c> to the province, a batch at a time, those due longest first (read straight
/// from the partial index of the unsent rows by due instant: a backlog of 100,000 is not sorted again for every batch),
/// each batch with its own idempotency key and signed. A row is one record's latest version, so the order across records
/// does not matter. A row is marked sent only when the province names its very version in the answer; a failed push
/// leaves every row of the batch due again after a back-off. A batch is leased before it is sent
/// (<see cref="OutgoingRecord.Lease"/>, <c>Federation:PushLease</c>): another instance pushing at the same moment takes
/// other rows or none, and the rows of an instance that died mid-push are due again when the lease ends.
/// </summary>
internal sealed class Pusher(FederationDbContext db, SignedRequests requests, IOptions<FederationOptions> options, TimeProvider clock, ILogger<Pusher> logger)
{
    /// <summary>Pushes batches until none is due or one fails; returns how many records the province acknowledged.</summary>
    public async Task<int> PushDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            var (sent, full) = await PushBatchAsync(cancellationToken);
            total += sent;
            if (!full || sent == 0) return total;
        }
    }

    private async Task<(int Acknowledged, bool Full)> PushBatchAsync(CancellationToken cancellationToken)
    {
        // The rows of the batches before are done with: tracked still, every save would compare them all again (a
        // backlog of 100,000 pushed in one round made each save slower than the last).
        db.ChangeTracker.Clear();
        var now = clock.GetUtcNow();
        var size = Math.Clamp(options.Value.BatchSize, 1, FederationOptions.MaxBatch);
        var rows = await db.Outgoing.Where(r => !r.Sent && r.NextAttemptAt <= now)
            .OrderBy(r => r.NextAttemptAt).Take(size).ToListAsync(cancellationToken);
        if (rows.Count == 0) return (0, false);
        foreach (var row in rows) row.Lease(now + options.Value.PushLease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance took some of these rows (or one changed): leave them to it; the next round looks again.
            db.ChangeTracker.Clear();
            return (0, false);
        }
        var backlog = await db.Outgoing.CountAsync(r => !r.Sent, cancellationToken) - rows.Count;
        var batch = Guid.NewGuid().ToString("N");
        var body = new PushBody(requests.City, batch, now, backlog, [.. rows.Select(r =>
            new WireRecord(r.Kind, r.Key, r.Version, r.Day, r.ItemCode, JsonSerializer.Deserialize<JsonElement>(r.Payload)))]);
        try
        {
            var answer = await requests.PostAsync<PushAnswer>(Wire.RecordsPath, body, batch, cancellationToken);
            var acknowledged = await AcknowledgeAsync(rows, answer, cancellationToken);
            FederationMetrics.Pushed.Add(acknowledged);
            return (acknowledged, rows.Count == size);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Federation push of {Count} records failed: {Error}", rows.Count, ex.Message);
            FederationMetrics.PushFailures.Add(1);
            var (first, max) = (options.Value.PushRetryFirst, options.Value.PushRetryMax);
            foreach (var row in rows) row.Failed(ex.Message, clock.GetUtcNow(), Random.Shared.NextDouble(), first, max);
            await db.SaveChangesAsync(cancellationToken);
            return (0, false);
        }
    }

    private async Task<int> AcknowledgeAsync(List<OutgoingRecord> rows, PushAnswer answer, CancellationToken cancellationToken)
    {
        var acknowledged = answer.Records.ToDictionary(a => (a.Kind, a.Key), a => a.Version);
        var at = clock.GetUtcNow();
        var count = 0;
        foreach (var row in rows.Where(r => acknowledged.TryGetValue((r.Kind, r.Key), out var v) && v == r.Version))
        {
            row.Acknowledged(row.Version, at);
            count++;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A record changed while its batch was on the way: its newer version stays due and goes in the next batch.
            db.ChangeTracker.Clear();
            return 0;
        }
        return count;
    }
}
