using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Data;
using Tongban.Kernel.Time;

namespace Tongban.Kernel.Outbox;

/// <summary>
/// Delivers pending outbox messages of every module. Safe with several dispatchers on one database:
/// a batch is claimed by a conditional UPDATE that sets a fresh lock token, so a row goes to exactly
/// one claimant (PostgreSQL re-checks the condition after a concurrent update; SQLite has one writer).
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IEnumerable<ModuleDatabase> databases,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> logger)
{
    private readonly OutboxOptions _options = options.Value;

    /// <summary>Delivers what is due now in every module; returns the number of messages handled.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var database in databases)
        {
            int handled;
            do
            {
                handled = await DispatchBatchAsync(database, cancellationToken);
                total += handled;
            } while (handled == _options.BatchSize && !cancellationToken.IsCancellationRequested);
        }
        return total;
    }

    private async Task<int> DispatchBatchAsync(ModuleDatabase database, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        if (db is not IOutboxContext outbox) return 0;

        var now = clock.GetUtcNow();
        var token = Guid.NewGuid();
        var due = await outbox.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(_options.BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;

        var until = now + _options.Lease;
        await outbox.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockToken, token).SetProperty(m => m.LockedUntil, until), ct);
        var claimed = await outbox.OutboxMessages.AsNoTracking()
            .Where(m => m.LockToken == token).OrderBy(m => m.Id).ToListAsync(ct);

        var handlers = scope.ServiceProvider.GetServices<IOutboxHandler>().ToLookup(h => h.MessageType);
        foreach (var message in claimed)
            await DeliverAsync(outbox, message, handlers[message.Type], token, ct);
        return claimed.Count;
    }

    private async Task DeliverAsync(IOutboxContext outbox, OutboxMessage message, IEnumerable<IOutboxHandler> handlers, Guid token, CancellationToken ct)
    {
        var mine = outbox.OutboxMessages.Where(m => m.Id == message.Id && m.LockToken == token);
        try
        {
            foreach (var handler in handlers)
                await handler.HandleAsync(message, ct);
            var at = clock.GetUtcNow();
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Processed)
                .SetProperty(m => m.ProcessedAt, at)
                .SetProperty(m => m.LockToken, (Guid?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            var attempts = message.Attempts + 1;
            var dead = attempts >= _options.MaxAttempts;
            var next = clock.GetUtcNow() + RetryDelay(attempts);
            var error = ex.GetType().Name + ": " + ex.Message;
            if (error.Length > 2000) error = error[..2000];
            logger.LogWarning(ex, "Outbox message {MessageId} of type {MessageType} failed (attempt {Attempt}{Dead})",
                message.Id, message.Type, attempts, dead ? ", dead-lettered" : "");
            await mine.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.Status, dead ? OutboxStatus.Dead : OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockToken, (Guid?)null)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
    }

    /// <summary>Exponential back-off: first delay, doubled per attempt, capped (<see cref="Backoff"/>).</summary>
    public TimeSpan RetryDelay(int attempts) => Backoff.After(attempts, _options.FirstRetryDelay, _options.MaxRetryDelay);
}
