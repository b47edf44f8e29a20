using Tongban.Applications.Domain;

namespace Tongban.Applications.Features.RateCase;

/// <summary>
/// A rating with its rectification, as the API answers it to the applicant and to staff. An on-site rating (a hall window's
/// tablet) names its <see cref="Place"/>; <see cref="CaseNumber"/> is null when it started no case.
/// </summary>
internal sealed record RatingView(
    Guid Id, string? CaseNumber, string ItemName, string Department, string Level, bool Bad, IReadOnlyList<string> Indicators, string? Comment,
    DateTimeOffset RatedAt, string? Rectification, DateOnly? RectificationDueOn, bool Overdue, IReadOnlyList<CallBack> CallBacks, string? Report,
    string? AppealReason, bool? AppealUpheld, string? AppealOpinion, bool OnSite, string? Place, string? PlaceEn)
{
    public static RatingView Of(Rating r, DateOnly today) => new(
        r.Id.Value, r.CaseId is null ? null : r.CaseNumber, r.ItemName, r.DepartmentCreditCode, r.Level.ToString(), r.IsBad, r.Indicators, r.Comment,
        r.RatedAt, r.Rectification?.ToString(), r.RectificationDueOn, r.OverdueOn(today), r.CallBacks, r.Report,
        r.AppealReason, r.AppealUpheld, r.AppealOpinion, r.OnSite, r.Place, r.PlaceEn);
}
