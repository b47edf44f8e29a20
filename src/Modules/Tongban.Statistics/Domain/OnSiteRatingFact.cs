namespace Tongban.Statistics.Domain;

/// <summary>
/// A rating taken on site (现场"一次一评": a hall window's tablet), one per visit, keyed by the ticket rated. It counts in
/// the 好差评 figures as a case's own rating does, on the day rated, under the channel <c>window</c> (where it was given):
/// with the item and division of the case started from the ticket, or only the window's department and the hall's
/// division when the visit started none. Its rectification counts as a case's.
/// </summary>
internal sealed class OnSiteRatingFact : Fact
{
    public const string WindowChannel = "window";

    private OnSiteRatingFact() { }

    public Guid TicketId { get; private set; }

    /// <summary>The case started from the ticket, or empty.</summary>
    public string CaseNumber { get; private set; } = "";

    public static OnSiteRatingFact Start(Guid ticketId) => new() { TicketId = ticketId };

    public void JoinCase(string? caseNumber)
    {
        if (CaseNumber.Length == 0 && !string.IsNullOrEmpty(caseNumber)) CaseNumber = caseNumber;
    }
}
