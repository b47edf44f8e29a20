namespace Tongban.Applications.Domain;

/// <summary>Where a rectification (整改) stands: open until the department reports; an appeal reopens or closes it.</summary>
internal enum RectificationStatus
{
    Open = 1,
    Reported = 2,
    Appealed = 3,
    Closed = 4,
}

/// <summary>A call-back (回访) to the applicant: when, by whom, what came of it.</summary>
internal sealed record CallBack(DateTimeOffset At, string By, string Outcome);

internal static class RatingTexts
{
    public static (string Zh, string En) Status(RectificationStatus status) => status switch
    {
        RectificationStatus.Open => ("整改中", "Being rectified"),
        RectificationStatus.Reported => ("已报告", "Reported"),
        RectificationStatus.Appealed => ("申诉中", "Appealed"),
        _ => ("已办结", "Closed"),
    };

    /// <summary>
    /// How the rating was given: online (the applicant's own, or a hall's service rated afterwards by its signed-in
    /// recipient — the free agency's requester, in their own space) or on site (a hall window's tablet).
    /// </summary>
    public static (string Zh, string En) Channel(Rating rating) =>
        rating.OnSite && !(rating.CaseId is null && rating.ApplicantId is not null) ? ("现场评价", "Rated on site") : ("网上评价", "Rated online");
}
