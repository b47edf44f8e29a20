namespace Tongban.Kernel.Ratings;

/// <summary>
/// A person rated a service a hall gave them in person: the service a queue ticket got at a window (评价器, 现场"一次一评"),
/// or the centre's free agency (帮办代办) for an enterprise's project. Published by the halls module through its outbox,
/// type <see cref="MessageType"/>; the applications module joins a window's rating to the 好差评 of the case started from
/// the ticket, or keeps it as the hall's own when there is none, and a bad one opens the same rectification (整改) as a
/// case's. In the kernel because the applications module may not know the halls module.
/// </summary>
/// <param name="TicketId">The rating's key, one rating per service: the ticket of a window's visit, or the agency request.</param>
/// <param name="Place">What and where, worded for people: the hall, the window and the ticket number, or the hall and the
/// agency's project; <paramref name="PlaceEn"/> in English.</param>
/// <param name="DivisionCode">The hall's division, the scope of the staff who see the rating when no case is linked.</param>
/// <param name="DepartmentCreditCode">The department answerable for the service, which rectifies a bad rating.</param>
/// <param name="RaterAccountId">The rater's account when known (an agency's requester, signed in): the department calls
/// them back before reporting a rectification. Null at a window's tablet, where nobody signs in.</param>
public sealed record WindowRated(Guid TicketId, string Place, string PlaceEn, string DivisionCode, string DepartmentCreditCode, int Level,
    IReadOnlyList<string> Indicators, string? Comment, DateTimeOffset RatedAt, Guid? RaterAccountId = null)
{
    public const string MessageType = "halls.window_rated";
}
