namespace Tongban.Statistics.Domain;

/// <summary>
/// What one case fact adds to the daily roll-ups: each milestone counts on its own day (received, materials and corrections on the
/// day received, conclusion figures and trips on the day concluded, a withdrawal on its day, a rating on the day rated, a rectification on the day
/// reported, an appeal — and whether it was upheld — on the day lodged). The one definition the live
/// handlers and the rebuild share. A rating taken on site (<see cref="OnSiteRatingFact"/>) adds its rating and rectification
/// as a case's do.
/// </summary>
internal static class Contributions
{
    public static IEnumerable<(Slice Slice, Measures Figures)> Of(Fact fact) =>
        fact is CaseFact @case ? OfCase(@case).Concat(OfRating(fact)) : OfRating(fact);

    private static IEnumerable<(Slice Slice, Measures Figures)> OfCase(CaseFact fact)
    {
        if (fact.ReceivedOn is { } received) yield return (fact.On(received), new Measures
        {
            Received = 1, Corrections = fact.Corrections, MaterialsProvided = fact.MaterialsProvided ?? 0, MaterialsReused = fact.MaterialsReused ?? 0,
        });
        if (fact.AcceptedOn is { } accepted) yield return (fact.On(accepted), new Measures { Accepted = 1, AcceptedDeferred = fact.Deferred ? 1 : 0 });
        if (fact.RefusedOn is { } refused) yield return (fact.On(refused), new Measures { Refused = 1 });
        if (fact.ConcludedOn is { } concluded) yield return (fact.On(concluded), Conclusion(fact, concluded));
        if (fact.WithdrawnOn is { } withdrawn) yield return (fact.On(withdrawn), new Measures { Withdrawn = 1 });
    }

    private static IEnumerable<(Slice Slice, Measures Figures)> OfRating(Fact fact)
    {
        if (fact.RatedOn is { } rated) yield return (fact.On(rated), new Measures { Rated = 1, RatedBad = IsBad(fact.RatingLevel) ? 1 : 0 });
        if (fact is { RectifiedOn: { } rectified, RectificationDueOn: { } due })
            yield return (fact.On(rectified), new Measures { Rectified = 1, RectifiedOnTime = rectified <= due ? 1 : 0 });
        if (fact.AppealedOn is { } appealed) yield return (fact.On(appealed), new Measures { Appeals = 1, AppealsUpheld = fact.AppealUpheld == true ? 1 : 0 });
    }

    private static Measures Conclusion(CaseFact fact, DateOnly concluded) => new()
    {
        Concluded = 1,
        ConcludedWithDue = fact.DueOn is null ? 0 : 1,
        ConcludedOnTime = fact.DueOn is { } due && concluded <= due ? 1 : 0,
        ConcludedLate = fact.DueOn is { } late && concluded > late ? 1 : 0,
        WorkingDaysSum = fact.WorkingDays ?? 0,
        WorkingDaysCount = fact.WorkingDays is null ? 0 : 1,
        TripsCounted = fact is { Trips: not null, PromisedTrips: not null } ? 1 : 0,
        TripsSum = fact.PromisedTrips is null ? 0 : fact.Trips ?? 0,
        TripsOverPromise = fact is { Trips: { } trips, PromisedTrips: { } promised } && trips > promised ? 1 : 0,
    };

    private static bool IsBad(int? level) => level is { } l && Kernel.Ratings.RatingScale.IsBad((Kernel.Ratings.RatingLevel)l);
}
