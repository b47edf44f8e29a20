namespace Tongban.Kernel.Ratings;

/// <summary>
/// A person rated the service a queue ticket got at a hall's window (评价器, 现场"一次一评"). Published by the halls
/// module through its outbox with the window's rating, type <see cref="MessageType"/>; the applications module joins it
/// to the 好差评 of the case started from the ticket, or keeps it as the window's when there is none, and a bad one opens
/// the same rectification (整改) as a case's. In the kernel because the applications module may not know the halls module.
/// </summary>
/// <param name="TicketId">The ticket, the rating's key: one rating per visit.</param>
/// <param name="Place">Where, worded for people: the hall, the window and the ticket number; <paramref name="PlaceEn"/> in English.</param>
/// <param name="DivisionCode">The hall's division, the scope of the staff who see the rating when no case is linked.</param>
public sealed record WindowRated(Guid TicketId, string Place, string PlaceEn, string DivisionCode, string DepartmentCreditCode, int Level,
    IReadOnlyList<string> Indicators, string? Comment, DateTimeOffset RatedAt)
{
    public const string MessageType = "halls.window_rated";
}
