using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;

namespace Tongban.Applications.Features.ReportFacts;

/// <summary>
/// The cases as the statistics count them, a keyset page at a time by the unique number index. Only the columns a fact
/// needs are read (the history for refusal, withdrawal and corrections, the trips, deferred and provided materials for
/// counting), never the form; the page's ratings come in one more query.
/// </summary>
internal sealed class CaseFacts(ApplicationsDbContext db) : ICaseFacts
{
    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Cases.AnyAsync(cancellationToken);

    public async Task<IReadOnlyList<CaseFactRow>> PageAsync(string? after, int size, CancellationToken cancellationToken)
    {
        var query = db.Cases.AsNoTracking();
        if (after is not null) query = query.Where(c => string.Compare(c.Number, after) > 0);
        var cases = await query.OrderBy(c => c.Number).Take(size)
            .Select(c => new
            {
                c.Id, c.Number, c.ItemCode, c.ItemName, c.DepartmentCreditCode, c.DivisionCode, c.Channel, c.SubmittedAt,
                c.AcceptedOn, c.DueOn, c.ConcludedOn, c.PromisedTrips, c.History, c.Trips, c.Deferred, c.Provided,
            })
            .ToListAsync(cancellationToken);
        // The case's own rating (online, one per case), as CaseRated reported it; on-site ratings of its visits are the windows'.
        var keys = cases.Select(c => (CaseId?)c.Id).ToList();
        var ratings = (await db.Ratings.AsNoTracking().Where(r => r.TicketId == null && keys.Contains(r.CaseId))
            .Select(r => new { r.CaseId, r.Level, r.RatedAt, r.Rectification, r.RectificationDueOn, r.ReportedAt, r.AppealedAt, r.AppealUpheld })
            .ToListAsync(cancellationToken)).ToDictionary(r => r.CaseId!.Value);
        return [.. cases.Select(c =>
        {
            var rating = ratings.GetValueOrDefault(c.Id);
            var submitted = AtSubmission(c.Provided, c.SubmittedAt).ToList();
            return new CaseFactRow(c.Id.Value, c.Number, c.ItemCode, c.ItemName, c.DepartmentCreditCode, c.DivisionCode,
                c.Channel.ToString().ToLowerInvariant(), c.SubmittedAt, c.AcceptedOn, c.DueOn,
                When(c.History, "refused"), When(c.History, "withdrawn"), c.ConcludedOn,
                c.History.Count(e => e.Action == "correction_requested"), c.Deferred.Count, c.Trips.Count, c.PromisedTrips,
                rating is null ? null : (int)rating.Level, rating?.RatedAt, submitted.Count, MaterialRef.Reused(submitted),
                rating?.RectificationDueOn, rating is { Rectification: not RectificationStatus.Open } ? rating.ReportedAt : null, rating?.AppealedAt, rating?.AppealUpheld);
        })];
    }

    // The materials as submitted, as the live notice counted them: one supplied later (deferred, corrected) is not.
    private static IEnumerable<MaterialRef> AtSubmission(List<MaterialRef> provided, DateTimeOffset submittedAt) =>
        provided.Where(m => m.AttachedAt is null || m.AttachedAt <= submittedAt);

    private static DateTimeOffset? When(List<CaseEvent> history, string action) => history.FirstOrDefault(e => e.Action == action)?.At;
}
