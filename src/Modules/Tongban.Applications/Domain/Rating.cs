using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Ratings;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Domain;

/// <summary>
/// 好差评: the applicant's one rating of a concluded case. A bad rating opens a rectification (整改) for the case's
/// department, due in working days: the department calls the applicant back (回访) and reports; the applicant may
/// appeal (申诉) the outcome once, and an efficiency supervisor upholds the appeal (the rectification reopens) or rejects it.
/// A rating taken on site (现场"一次一评": a hall window's tablet, <see cref="TicketId"/>) joins the 好差评 of the case started
/// from the ticket, or stands as the window's when there is none (no case, no known rater: no call-back is possible).
/// </summary>
internal sealed class Rating : IStaffScoped
{
    public const int CommentMax = 500;

    private Rating() { }

    public const int PlaceMax = 200;

    public RatingId Id { get; private set; }

    /// <summary>The case rated; null for a window's service that started no case.</summary>
    public CaseId? CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public string ItemName { get; private set; } = "";
    public string DepartmentCreditCode { get; private set; } = "";
    public string DivisionCode { get; private set; } = "";

    /// <summary>The station (驿站) where the case was submitted, if any: its staff see the rating as they see the case.</summary>
    public string? StationKey { get; private set; }
    /// <summary>The case's applicant; null when the rating is a window's with no case (the rater is not known).</summary>
    public Guid? ApplicantId { get; private set; }

    /// <summary>The hall ticket rated on site, one rating per visit; null for the applicant's rating of the case online (one per case).</summary>
    public Guid? TicketId { get; private set; }

    /// <summary>Where an on-site rating was given, worded for people (hall, window, ticket), and in English.</summary>
    public string? Place { get; private set; }
    public string? PlaceEn { get; private set; }
    public RatingLevel Level { get; private set; }
    public List<string> Indicators { get; private set; } = [];
    public string? Comment { get; private set; }
    public DateTimeOffset RatedAt { get; private set; }
    public RectificationStatus? Rectification { get; private set; }
    public DateOnly? RectificationDueOn { get; private set; }
    public List<CallBack> CallBacks { get; private set; } = [];
    public string? Report { get; private set; }
    public string? ReportedBy { get; private set; }
    public DateTimeOffset? ReportedAt { get; private set; }
    public string? AppealReason { get; private set; }
    public DateTimeOffset? AppealedAt { get; private set; }
    public bool? AppealUpheld { get; private set; }
    public string? AppealOpinion { get; private set; }
    public string? AppealDecidedBy { get; private set; }
    public int Revision { get; private set; }

    public bool IsBad => RatingScale.IsBad(Level);

    public bool OnSite => TicketId is not null;

    public bool OverdueOn(DateOnly today) => Rectification == RectificationStatus.Open && today > RectificationDueOn;

    public static Rating Rate(Case @case, RatingLevel level, IReadOnlyList<string> indicators, string? comment, DateOnly today, WorkingDayCalendar calendar, int rectifyDays, DateTimeOffset at)
    {
        if (@case.Status != CaseStatus.Concluded)
            throw Rule("rating.requires_conclusion", "办件办结后才能评价", "A case can be rated only once it is concluded");
        if (!Enum.IsDefined(level)) throw Invalid("rating.level", "请选择评价等级", "Choose a rating", "level");
        var chosen = indicators.Where(i => !string.IsNullOrWhiteSpace(i)).Distinct().ToList();
        if (chosen.Count == 0) throw Invalid("rating.indicators_required", "请至少选择一项评价指标", "Choose at least one indicator", "indicators");
        if (chosen.FirstOrDefault(i => RatingScale.Indicators.All(x => x.Key != i)) is { } unknown)
            throw Invalid("rating.indicator_unknown", $"没有这项评价指标：{unknown}", $"There is no such indicator: {unknown}", "indicators");
        if (comment?.Trim().Length > CommentMax) throw Invalid("rating.comment_too_long", $"评价内容不超过 {CommentMax} 字", $"The comment is at most {CommentMax} characters", "comment");
        var rating = new Rating
        {
            Id = RatingId.New(), CaseId = @case.Id, CaseNumber = @case.Number, ItemName = @case.ItemName,
            DepartmentCreditCode = @case.DepartmentCreditCode, DivisionCode = @case.DivisionCode, StationKey = @case.StationKey, ApplicantId = @case.ApplicantId,
            Level = level, Indicators = chosen, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), RatedAt = at,
        };
        if (rating.IsBad) rating.OpenRectification(today, calendar, rectifyDays);
        return rating;
    }

    /// <summary>
    /// 现场评价: the rating a hall took for a service it gave in person (validated there) — a window's tablet for a ticket,
    /// joined to <paramref name="case"/>, the case started from the ticket; or the free agency's requester — or the hall's
    /// own when no case. A bad one opens a rectification for the answerable department; the rater, when known (the case's
    /// applicant, or the agency's requester), is the one called back.
    /// </summary>
    public static Rating OnSiteOf(WindowRated rated, Case? @case, DateOnly today, WorkingDayCalendar calendar, int rectifyDays)
    {
        var rating = new Rating
        {
            Id = RatingId.New(), TicketId = rated.TicketId, Place = Cut(rated.Place), PlaceEn = Cut(rated.PlaceEn),
            CaseId = @case?.Id, CaseNumber = @case?.Number ?? "", ItemName = @case?.ItemName ?? "",
            DepartmentCreditCode = rated.DepartmentCreditCode, DivisionCode = @case?.DivisionCode ?? rated.DivisionCode,
            StationKey = @case?.StationKey, ApplicantId = @case?.ApplicantId ?? rated.RaterAccountId,
            Level = (RatingLevel)rated.Level, Indicators = [.. rated.Indicators.Where(i => RatingScale.Indicators.Any(x => x.Key == i)).Distinct()],
            Comment = rated.Comment, RatedAt = rated.RatedAt,
        };
        if (rating.IsBad) rating.OpenRectification(today, calendar, rectifyDays);
        return rating;
    }

    /// <summary>The case's own rating: the applicant's, online, one per case (on-site ratings of its visits are not it).</summary>
    public static System.Linq.Expressions.Expression<Func<Rating, bool>> OwnOf(CaseId id) => r => r.CaseId == id && r.TicketId == null;

    private static string Cut(string text) => text.Length > PlaceMax ? text[..PlaceMax] : text;

    public static DomainException AlreadyRated() => Rule("rating.already_rated", "每个办件只能评价一次，该办件已评价", "A case is rated once, and this one already is");

    /// <summary>回访: the department calls the applicant back while the rectification is open.</summary>
    public void RecordCallBack(string outcome, string actor, DateTimeOffset at)
    {
        RequireOpen();
        if (string.IsNullOrWhiteSpace(outcome)) throw Invalid("rating.callback_outcome_required", "请填写回访结果", "Give the outcome of the call-back", "outcome");
        CallBacks.Add(new CallBack(at, actor, outcome.Trim()));
        Revision++;
    }

    /// <summary>整改报告: what the department changed; only after the applicant has been called back (when there is one to call).</summary>
    public void ReportRectification(string report, string actor, DateTimeOffset at)
    {
        RequireOpen();
        if (CallBacks.Count == 0 && ApplicantId is not null) throw Rule("rating.callback_required", "整改报告前须先回访申请人", "Call the applicant back before reporting the rectification");
        if (string.IsNullOrWhiteSpace(report)) throw Invalid("rating.report_required", "请填写整改报告", "Write the rectification report", "report");
        (Rectification, Report, ReportedBy, ReportedAt) = (RectificationStatus.Reported, report.Trim(), actor, at);
        Revision++;
    }

    /// <summary>申诉: the applicant disputes the reported outcome, once, with a reason.</summary>
    public void Appeal(string reason, DateTimeOffset at)
    {
        if (AppealedAt is not null) throw Rule("rating.already_appealed", "整改结果只能申诉一次", "A rectification's outcome can be appealed once");
        if (Rectification != RectificationStatus.Reported)
            throw Rule("rating.appeal_requires_report", "整改报告提交后才能申诉", "An appeal is possible once the rectification is reported");
        if (string.IsNullOrWhiteSpace(reason)) throw Invalid("rating.appeal_reason_required", "请写明申诉理由", "State why you appeal", "reason");
        (Rectification, AppealReason, AppealedAt) = (RectificationStatus.Appealed, reason.Trim(), at);
        Revision++;
    }

    /// <summary>An efficiency supervisor decides the appeal: upheld reopens the rectification with a new deadline; rejected closes it.</summary>
    public void DecideAppeal(bool upheld, string opinion, StaffMember supervisor, DateOnly today, WorkingDayCalendar calendar, int rectifyDays)
    {
        if (!supervisor.Holds(Policies.EfficiencySupervisor))
            throw new DomainException(new DomainError("rating.supervisor_only", "申诉由效能督查员裁决", "An appeal is decided by an efficiency supervisor", ErrorKind.Forbidden));
        if (Rectification != RectificationStatus.Appealed) throw Rule("rating.no_appeal", "没有待裁决的申诉", "There is no appeal to decide");
        if (string.IsNullOrWhiteSpace(opinion)) throw Invalid("rating.opinion_required", "请填写裁决意见", "Give your opinion", "opinion");
        (AppealUpheld, AppealOpinion, AppealDecidedBy) = (upheld, opinion.Trim(), supervisor.Actor);
        if (upheld) OpenRectification(today, calendar, rectifyDays);
        else Rectification = RectificationStatus.Closed;
        Revision++;
    }

    private void OpenRectification(DateOnly today, WorkingDayCalendar calendar, int days) =>
        (Rectification, RectificationDueOn) = (RectificationStatus.Open, calendar.AddWorkingDays(today, days));

    private void RequireOpen()
    {
        if (Rectification != RectificationStatus.Open)
            throw Rule("rating.rectification_not_open", "该评价没有进行中的整改", "The rating has no rectification under way");
    }

    private static DomainException Rule(string code, string zh, string en) => new(new DomainError(code, zh, en, ErrorKind.Conflict));

    private static DomainException Invalid(string code, string zh, string en, string field) => new(new DomainError(code, zh, en, Field: field));
}
