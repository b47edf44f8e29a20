using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Calendar;
using Tongban.Statistics.Data;
using Tongban.Statistics.Domain;

namespace Tongban.Statistics.Features.KeepFacts;

/// <summary>
/// Applies one event to its case's fact row and the fact's change to the daily roll-ups, in one transaction with the
/// record that the message was applied: a message delivered again changes nothing, a late one only fills what was missing.
/// The transaction holds the <see cref="RollupLock"/> shared, so a rebuild running meanwhile cannot lose the change.
/// </summary>
internal sealed class FactKeeper(StatisticsDbContext db, RollupWriter rollups, CalendarStore calendars)
{
    public async Task ApplyAsync(Guid messageId, Guid caseId, string caseNumber, Action<CaseFact> change, CancellationToken ct)
    {
        await using var transaction = await RollupLock.SharedAsync(db, ct);
        if (await db.Applied.AnyAsync(a => a.MessageId == messageId, ct)) return;
        var fact = await db.Cases.SingleOrDefaultAsync(c => c.CaseId == caseId, ct);
        var before = fact?.Snapshot();
        if (fact is null) db.Cases.Add(fact = CaseFact.Start(caseId, caseNumber));
        change(fact);
        fact.CountWorkingDays(await calendars.GetAsync(ct));
        fact.Touch();
        await rollups.AddAsync(Rollup.Between(before, fact), fresh: false, ct);
        db.Applied.Add(new AppliedEvent { MessageId = messageId, CaseId = caseId });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
