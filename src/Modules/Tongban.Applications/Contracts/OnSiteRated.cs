namespace Tongban.Applications.Contracts;

/// <summary>
/// A rating taken on site (现场"一次一评", a hall window's tablet) was kept as a 好差评: joined to the case started from the
/// ticket (<see cref="CaseNumber"/>, its item and division), or the window's own when the visit started none (empty case
/// number and item, the hall's division). Published through the applications outbox with the rating, type
/// <see cref="MessageType"/>; the statistics module counts it beside the cases' own ratings, and a city pushes those joined
/// to a case up to the province.
/// </summary>
/// <param name="TicketId">The ticket rated, the rating's key: one rating per visit.</param>
public sealed record OnSiteRated(Guid TicketId, string CaseNumber, string ItemCode, string ItemName, string DepartmentCreditCode, string DivisionCode,
    int Level, bool Bad, DateTimeOffset RatedAt)
{
    public const string MessageType = "applications.rated_on_site";
}
