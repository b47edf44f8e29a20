using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Ratings;

namespace Tongban.Halls.Domain;

/// <summary>Where a free-agency request stands.</summary>
internal enum AgencyState
{
    /// <summary>Asked; waits for the hall to assign an agent from its agency team.</summary>
    Requested = 1,

    /// <summary>An agent is assigned and authorised (a recorded proxy authorisation) to act for the enterprise on its items.</summary>
    Assigned = 2,

    /// <summary>Closed by the enterprise or the hall; the authorisation is ended. Rated once, if an agent had been assigned.</summary>
    Closed = 3,
}

/// <summary>An item the request names, as the catalog named it when asked.</summary>
internal sealed record AgencyItem(string Code, string Name);

/// <summary>
/// 帮办代办 (issue #19 item 7): an enterprise — the person who acts for it with the <c>apply</c> scope, signed in — asks a hall
/// for a free agent for an investment project: its name, a short description, the catalog items it needs and a contact
/// mobile. The hall's staff assign an agent of its agency team, which grants the agent a proxy authorisation for those items
/// in the requester's name (identity's, with this request as its basis); either side closes it, which ends the
/// authorisation; the enterprise then rates the agency once on the platform's 5 levels. The department whose desk
/// assigned the agent answers for the agency: a bad rating opens its rectification (整改), as a window's does.
/// </summary>
internal sealed class AgencyRequest
{
    public const int ProjectMax = 100, DescriptionMax = 1000, CommentMax = 500, MostItems = 20;

    /// <summary>How long the agent's authorisation runs from assignment, unless the request closes first (identity's longest is a year).</summary>
    public const int AuthorisationDays = 180;

    private AgencyRequest() { }

    public AgencyRequestId Id { get; private set; }
    public Guid HallId { get; private set; }
    public Guid RequesterId { get; private set; }
    public string CreditCode { get; private set; } = "";
    public string EnterpriseName { get; private set; } = "";
    public string ProjectName { get; private set; } = "";
    public string Description { get; private set; } = "";
    public List<AgencyItem> Items { get; private set; } = [];
    public string Phone { get; private set; } = "";
    public AgencyState State { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public Guid? AgentId { get; private set; }
    public string? AgentName { get; private set; }
    public Guid? AuthorisationId { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public string? AssignedBy { get; private set; }

    /// <summary>The department whose staff assigned the agent (a department with a window in the centre): it answers for the agency's rating.</summary>
    public string? AnswerableDepartment { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public RatingLevel? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTimeOffset? RatedAt { get; private set; }

    /// <summary>A bad rating (不满意, 非常不满意): marked on the hall's page; the rating's rectification is the applications module's.</summary>
    public bool IsBadlyRated => Rating is { } r && RatingScale.IsBad(r);

    /// <summary>What identity records as the authorisation's basis.</summary>
    public string Basis => $"hall-agency:{Id.Value}";

    public IReadOnlyList<string> ItemCodes => [.. Items.Select(i => i.Code)];

    /// <summary>The fields as typed, each checked; every one at fault is named at once. Items are checked by the caller against the catalog.</summary>
    public static (string Project, string Description, string Phone) Check(string? project, string? description, string? phone, IReadOnlyCollection<string> itemCodes,
        ICollection<DomainError> errors)
    {
        var p = (project ?? "").Trim();
        var d = (description ?? "").Trim();
        var m = (phone ?? "").Trim();
        if (p.Length is 0 or > ProjectMax)
            errors.Add(new("agency.project", $"请填写项目名称（不超过{ProjectMax}字）", $"Give the project's name ({ProjectMax} characters at most)", ErrorKind.Invalid, "project"));
        if (d.Length is 0 or > DescriptionMax)
            errors.Add(new("agency.description", $"请简要说明项目情况和需要帮办的事（不超过{DescriptionMax}字）",
                $"Describe the project and what help it needs ({DescriptionMax} characters at most)", ErrorKind.Invalid, "description"));
        if (!MobilePhone.IsValid(m))
            errors.Add(new("agency.phone", "请填写11位手机号码作为联系电话", "Give an 11-digit mobile number to be reached on", ErrorKind.Invalid, "phone"));
        if (itemCodes.Count == 0)
            errors.Add(new("agency.items", "请至少选择一个需要办理的事项", "Choose at least one item the project needs", ErrorKind.Invalid, "items"));
        else if (itemCodes.Count > MostItems)
            errors.Add(new("agency.items_many", $"一次最多选择{MostItems}个事项", $"At most {MostItems} items in one request", ErrorKind.Invalid, "items"));
        return (p, d, m);
    }

    public static AgencyRequest Ask(Guid hallId, Guid requester, string creditCode, string enterpriseName, string project, string description, string phone,
        IReadOnlyList<AgencyItem> items, DateTimeOffset at) => new()
    {
        Id = AgencyRequestId.New(), HallId = hallId, RequesterId = requester, CreditCode = creditCode, EnterpriseName = enterpriseName,
        ProjectName = project, Description = description, Phone = phone, Items = [.. items], State = AgencyState.Requested, RequestedAt = at,
    };

    /// <summary>Checked before the authorisation is granted, so a refused step grants nothing.</summary>
    public void EnsureAssignable()
    {
        if (State != AgencyState.Requested)
            throw Conflict("agency.state_assign", "该申请已指派代办员或已关闭，不能再指派", "This request already has an agent or is closed; no agent can be assigned now");
    }

    public void Assign(Guid agent, string agentName, Guid authorisation, string staff, string department, DateTimeOffset at)
    {
        EnsureAssignable();
        (State, AgentId, AgentName, AuthorisationId, AssignedBy, AnswerableDepartment, AssignedAt) = (AgencyState.Assigned, agent, agentName, authorisation, staff, department, at);
    }

    public void Close(string by, DateTimeOffset at)
    {
        if (State == AgencyState.Closed) throw Conflict("agency.closed", "该申请已关闭", "This request is closed already");
        (State, ClosedBy, ClosedAt) = (AgencyState.Closed, by, at);
    }

    public void Rate(int level, string? comment, DateTimeOffset at)
    {
        if (Rating is not null) throw Conflict("agency.already_rated", "您已评价过这次帮办代办，每次申请只能评价一次", "You have rated this agency already; a request is rated once");
        if (State != AgencyState.Closed || AgentId is null)
            throw Conflict("agency.rate_requires_completion", "代办员办理完毕、申请关闭后才能评价", "You can rate once an agent has served the request and it is closed");
        var errors = new List<DomainError>();
        if (!Enum.IsDefined((RatingLevel)level))
            errors.Add(new("agency.rating_level", "请选择评价等级", "Choose a rating", ErrorKind.Invalid, "level"));
        var text = comment?.Trim();
        if (text?.Length > CommentMax)
            errors.Add(new("agency.rating_comment", $"评价内容不超过{CommentMax}字", $"The comment is at most {CommentMax} characters", ErrorKind.Invalid, "comment"));
        if (errors.Count > 0) throw new DomainException(errors);
        (Rating, RatingComment, RatedAt) = ((RatingLevel)level, string.IsNullOrEmpty(text) ? null : text, at);
    }

    public static (string Zh, string En) StateWords(AgencyState state) => state switch
    {
        AgencyState.Requested => ("待指派代办员", "Waiting for an agent"),
        AgencyState.Assigned => ("代办中", "Agent at work"),
        _ => ("已关闭", "Closed"),
    };

    private static DomainException Conflict(string code, string zh, string en) => new(new DomainError(code, zh, en, ErrorKind.Conflict));
}
