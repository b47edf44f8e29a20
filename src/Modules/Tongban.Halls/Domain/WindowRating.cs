using Tongban.Kernel.Errors;
using Tongban.Kernel.Ratings;

namespace Tongban.Halls.Domain;

/// <summary>
/// The rating of the service a ticket got at a window (评价器), once per ticket: the ticket is the key. Published as the
/// kernel's <c>WindowRated</c>, it joins the case's 好差评 in the applications module, where a bad one is rectified.
/// </summary>
internal sealed class WindowRating
{
    public const int CommentMax = 500;

    private WindowRating() { }

    public TicketId TicketId { get; private set; }
    public Guid HallId { get; private set; }
    public string Window { get; private set; } = "";
    public string DepartmentCreditCode { get; private set; } = "";
    public RatingLevel Level { get; private set; }
    public List<string> Indicators { get; private set; } = [];
    public string? Comment { get; private set; }
    public DateTimeOffset RatedAt { get; private set; }

    public bool IsBad => RatingScale.IsBad(Level);

    public static WindowRating Rate(Ticket ticket, string department, int level, IReadOnlyList<string> indicators, string? comment, DateTimeOffset at)
    {
        if (ticket.Status != TicketStatus.Served || ticket.Window is null)
            throw HallErrors.Conflict("rating.not_served", $"{ticket.Number}号尚未办理完毕，暂不能评价", $"Ticket {ticket.Number} has not been served yet and cannot be rated");
        if (!Enum.IsDefined((RatingLevel)level)) throw HallErrors.Invalid("rating.level", "请选择评价等级", "Choose a rating", "level");
        var chosen = indicators.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct().ToList();
        if (chosen.Any(i => RatingScale.Indicators.All(x => x.Key != i)))
            throw HallErrors.Invalid("rating.indicator_unknown", "没有这项评价指标", "There is no such indicator", "indicators");
        if (comment?.Trim().Length > CommentMax)
            throw HallErrors.Invalid("rating.comment_too_long", $"评价内容不超过 {CommentMax} 字", $"The comment is at most {CommentMax} characters", "comment");
        return new WindowRating
        {
            TicketId = ticket.Id, HallId = ticket.HallId, Window = ticket.Window, DepartmentCreditCode = department,
            Level = (RatingLevel)level, Indicators = chosen, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), RatedAt = at,
        };
    }

    public static DomainException AlreadyRated(string number) =>
        HallErrors.Conflict("rating.already_rated", $"{number}号已评价过，每张号票只能评价一次", $"Ticket {number} is already rated; a ticket is rated once");
}
