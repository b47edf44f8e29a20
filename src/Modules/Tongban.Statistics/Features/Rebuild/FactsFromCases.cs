using Tongban.Applications.Contracts;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Time;
using Tongban.Statistics.Domain;

namespace Tongban.Statistics.Features.Rebuild;

/// <summary>
/// A case as Applications' contract reports it, made into the fact the live events would have built: the same
/// milestone methods, each on the region's day of its time, so a backfilled fact and a live one cannot differ.
/// </summary>
internal static class FactsFromCases
{
    public static CaseFact Of(CaseFactRow row, RegionClock clock, WorkingDayCalendar calendar)
    {
        var fact = CaseFact.Start(row.CaseId, row.Number);
        fact.Place(row.ItemCode, row.ItemName, row.DepartmentCreditCode, row.DivisionCode, row.Channel);
        fact.Received(clock.DateAt(row.SubmittedAt), row.MaterialsProvided, row.MaterialsReused);
        if (row.AcceptedOn is { } accepted) fact.Accepted(accepted, row.DueOn);
        if (row.DeferredMaterials > 0) fact.AcceptedWithDeferred();
        if (row.RefusedAt is { } refused) fact.Refused(clock.DateAt(refused));
        if (row.WithdrawnAt is { } withdrawn) fact.Withdrawn(clock.DateAt(withdrawn));
        fact.TripsSeen(row.Trips, row.PromisedTrips);
        fact.CorrectionsCounted(row.Corrections);
        if (row.ConcludedOn is { } concluded) fact.Concluded(concluded);
        if (row.RatingLevel is { } level && row.RatedAt is { } rated) fact.Rated(level, clock.DateAt(rated));
        if (row.RectificationDueOn is { } due && row.RectifiedAt is { } rectified) fact.RectificationReported(due, clock.DateAt(rectified));
        if (row.AppealedAt is { } appealed) fact.Appealed(clock.DateAt(appealed));
        if (row.AppealUpheld is { } upheld) fact.AppealDecided(upheld, upheld ? row.RectificationDueOn : null);
        fact.CountWorkingDays(calendar);
        return fact;
    }
}
