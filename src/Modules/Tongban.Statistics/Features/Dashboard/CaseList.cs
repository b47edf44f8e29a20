using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Statistics.Data;
using Tongban.Statistics.Domain;
using Tongban.Statistics.Features.Indicators;
using Tongban.Statistics.Features.QueryFigures;

namespace Tongban.Statistics.Features.Dashboard;

/// <summary>A case behind a figure, as the drill-down lists it (no personal data: the facts hold none).</summary>
internal sealed record CaseLine(string Number, string ItemName, string DepartmentCode, string DivisionCode, string Channel,
    DateOnly? ReceivedOn, DateOnly? DueOn, DateOnly? ConcludedOn, int Corrections, int? RatingLevel);

internal sealed record CasePage(FigureQuery Query, int Count, IReadOnlyList<CaseLine> Cases);

/// <summary>
/// The cases behind an indicator's figure: the facts whose milestone falls in the dates, narrowed as the indicator
/// says (late, on time, bad ratings …), in the reader's scope. Its count equals the figure's count (or numerator).
/// </summary>
internal sealed class CaseList(StatisticsDbContext db, FigureService figures, Labels labels)
{
    public const int PageSize = 200;

    public async Task<CasePage> ListAsync(FigureRequest request, ClaimsPrincipal user, CancellationToken ct)
    {
        var query = await figures.CheckAsync(request, user, ct);
        var facts = db.Cases.AsNoTracking().Where(In(query.Indicator.Milestone, query.From, query.To)).Where(Narrow(query.Indicator.Behind));
        if (query.Department is { } department) facts = facts.Where(c => c.DepartmentCode == department);
        if (query.Division is { } division) facts = facts.Where(c => c.DivisionCode == division);
        if (query.Level is { } level)
        {
            var codes = await labels.DivisionsOfLevelAsync(level, ct);
            facts = facts.Where(c => codes.Contains(c.DivisionCode));
        }
        var count = await facts.CountAsync(ct);
        var lines = await facts.OrderBy(c => c.CaseNumber).Take(PageSize)
            .Select(c => new CaseLine(c.CaseNumber, c.ItemName, c.DepartmentCode, c.DivisionCode, c.Channel, c.ReceivedOn, c.DueOn, c.ConcludedOn, c.Corrections, c.RatingLevel))
            .ToListAsync(ct);
        return new CasePage(query, count, lines);
    }

    private static Expression<Func<CaseFact, bool>> In(Milestone milestone, DateOnly from, DateOnly to) => milestone switch
    {
        Milestone.Accepted => c => c.AcceptedOn >= from && c.AcceptedOn <= to,
        Milestone.Refused => c => c.RefusedOn >= from && c.RefusedOn <= to,
        Milestone.Concluded => c => c.ConcludedOn >= from && c.ConcludedOn <= to,
        Milestone.Rated => c => c.RatedOn >= from && c.RatedOn <= to,
        Milestone.Withdrawn => c => c.WithdrawnOn >= from && c.WithdrawnOn <= to,
        Milestone.Rectified => c => c.RectifiedOn >= from && c.RectifiedOn <= to,
        Milestone.Appealed => c => c.AppealedOn >= from && c.AppealedOn <= to,
        _ => c => c.ReceivedOn >= from && c.ReceivedOn <= to,
    };

    private static Expression<Func<CaseFact, bool>> Narrow(Behind behind) => behind switch
    {
        Behind.ConcludedOnTime => c => c.DueOn != null && c.ConcludedOn <= c.DueOn,
        Behind.ConcludedLate => c => c.DueOn != null && c.ConcludedOn > c.DueOn,
        Behind.WithCorrections => c => c.Corrections > 0,
        Behind.RatedBad => c => c.RatingLevel <= 2,
        Behind.RatedGood => c => c.RatingLevel > 2,
        Behind.AcceptedDeferred => c => c.Deferred,
        Behind.TripsOverPromise => c => c.PromisedTrips != null && c.Trips > c.PromisedTrips,
        Behind.TripsWithinPromise => c => c.PromisedTrips != null && c.Trips <= c.PromisedTrips,
        Behind.RectifiedOnTime => c => c.RectificationDueOn != null && c.RectifiedOn <= c.RectificationDueOn,
        Behind.AppealUpheld => c => c.AppealUpheld == true,
        _ => c => true,
    };
}
