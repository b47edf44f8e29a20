using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Data;
using Tongban.Statistics.Data;
using Tongban.Statistics.Domain;

namespace Tongban.Statistics.Features.KeepFacts;

/// <summary>
/// Applies one event to its fact row — a case's, or a rating taken on site — and the fact's change to the daily roll-ups,
/// in one transaction with the record that the message was applied: a message delivered again changes nothing, a late
/// one only fills what was missing. The transaction holds the <see cref="RollupLock"/> shared, so a rebuild running
/// meanwhile cannot lose the change.
/// </summary>
internal sealed class FactKeeper(StatisticsDbContext db, RollupWriter rollups, CalendarStore calendars)
{
    public async Task ApplyAsync(Guid messageId, Guid caseId, string caseNumber, Action<CaseFact> change, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        await KeepAsync(messageId, caseId, db.Cases, () => CaseFact.Start(caseId, caseNumber), fact =>
        {
            change(fact);
            fact.CountWorkingDays(calendar);
        }, ct);
    }

    /// <summary>An event about a rating taken on site, keyed by the ticket rated.</summary>
    public Task ApplyOnSiteAsync(Guid messageId, Guid ticketId, Action<OnSiteRatingFact> change, CancellationToken ct) =>
        KeepAsync(messageId, ticketId, db.OnSiteRatings, () => OnSiteRatingFact.Start(ticketId), change, ct);

    /// <summary>
    /// Two instances' workers may add to the same roll-up rows (or the same fact) at once: the loser's save meets the
    /// winner's revision or key, and the whole unit runs again from a fresh read (<see cref="WriteConflicts.RetryAsync"/>)
    /// instead of failing the message back to the outbox's back-off.
    /// </summary>
    private Task KeepAsync<TFact>(Guid messageId, Guid key, DbSet<TFact> facts, Func<TFact> start, Action<TFact> change, CancellationToken ct)
        where TFact : Fact =>
        WriteConflicts.RetryAsync(() => KeepOnceAsync(messageId, key, facts, start, change, ct), db.ChangeTracker.Clear, ct);

    private async Task KeepOnceAsync<TFact>(Guid messageId, Guid key, DbSet<TFact> facts, Func<TFact> start, Action<TFact> change, CancellationToken ct)
        where TFact : Fact
    {
        await using var transaction = await RollupLock.SharedAsync(db, ct);
        if (await db.Applied.AnyAsync(a => a.MessageId == messageId, ct)) return;
        var fact = await facts.FindAsync([key], ct);
        var before = fact?.Snapshot();
        if (fact is null) facts.Add(fact = start());
        change(fact);
        fact.Touch();
        await rollups.AddAsync(Rollup.Between(before, fact), fresh: false, ct);
        db.Applied.Add(new AppliedEvent { MessageId = messageId, CaseId = key });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
