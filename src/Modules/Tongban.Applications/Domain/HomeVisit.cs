using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Domain;

/// <summary>Why a resident cannot come to a hall: 60 or older (checked by the ID number's birth date), or a disability.</summary>
internal enum HomeVisitReason
{
    Elderly,
    Disabled,
}

internal enum HomeVisitState
{
    /// <summary>Asked for; the department or station has not yet named who goes.</summary>
    Requested,

    /// <summary>A member of staff is named to go.</summary>
    Assigned,

    /// <summary>Staff went; the visit is a trip on the case when a case was taken or brought there.</summary>
    Visited,

    /// <summary>The case it served is concluded, refused or withdrawn.</summary>
    Closed,

    /// <summary>The department or station said no, with the reason.</summary>
    Declined,
}

/// <summary>
/// 上门服务: an elderly or disabled resident — or someone they authorised for the item (a relative, a station agent) —
/// asks for staff to come to them for an item. The item's department (or the station the agent works at) names who goes,
/// records the visit — a trip on the case, at the resident's address — and the request closes with the case, or is declined
/// with a reason. Staff see it as they see the item's cases (<see cref="IStaffScoped"/>).
/// </summary>
internal sealed class HomeVisit : IStaffScoped
{
    public const int MinimumAge = 60;

    private HomeVisit() { }

    public HomeVisitId Id { get; private set; }

    /// <summary>The resident served (their account), and who asked: the resident, or an agent they authorised for the item.</summary>
    public Guid ResidentId { get; private set; }
    public Guid RequestedBy { get; private set; }
    public string ItemCode { get; private set; } = "";
    public string ItemName { get; private set; } = "";
    public string DepartmentCreditCode { get; private set; } = "";
    public string DivisionCode { get; private set; } = "";

    /// <summary>The station of the agent who asked, if one did: its staff see the request as the department's do.</summary>
    public string? StationKey { get; private set; }
    public HomeVisitReason Reason { get; private set; }
    public string Address { get; private set; } = "";
    public string Phone { get; private set; } = "";
    public string PreferredTimes { get; private set; } = "";
    public string? Note { get; private set; }
    public HomeVisitState State { get; private set; }
    public string? AssignedTo { get; private set; }
    public string? AssignedBy { get; private set; }
    public DateTimeOffset? AssignedAt { get; private set; }
    public string? VisitedBy { get; private set; }
    public DateTimeOffset? VisitedAt { get; private set; }
    public string? CaseNumber { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateTimeOffset RequestedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public int Revision { get; private set; }

    /// <summary>The states of a request still under way: listed first for staff.</summary>
    public static readonly HomeVisitState[] OpenStates = [HomeVisitState.Requested, HomeVisitState.Assigned, HomeVisitState.Visited];

    /// <summary>What a request says, as typed; checked all at once by <see cref="Request"/>.</summary>
    public sealed record Details(string? Reason, string? Address, string? Phone, string? PreferredTimes, string? Note);

    /// <summary>
    /// A request for the resident (born on <paramref name="residentBirthDate"/>), for an item people apply for; every field at
    /// fault is named at once. "Elderly" needs the resident to be <see cref="MinimumAge"/> or older today.
    /// </summary>
    public static HomeVisit Request(Guid resident, Guid requestedBy, string? stationKey, Catalog.Contracts.ApplicableItem item, Details details,
        DateOnly residentBirthDate, DateOnly today, DateTimeOffset at)
    {
        var errors = new List<DomainError>();
        HomeVisitReason reason = default;
        if (!Enum.TryParse(details.Reason?.Trim(), ignoreCase: true, out reason) || !Enum.IsDefined(reason))
            errors.Add(Error("home_visit.reason", "请选择上门服务的原因：年满60周岁或残疾", "Choose why: 60 or older, or a disability", "reason"));
        else if (reason == HomeVisitReason.Elderly && residentBirthDate.AddYears(MinimumAge) > today)
            errors.Add(Error("home_visit.not_elderly", $"按身份证号码，被服务人未满{MinimumAge}周岁；行动不便的残疾人请选择“残疾”",
                $"By the ID number the resident is under {MinimumAge}; for a disability choose that reason", "reason"));
        var address = details.Address?.Trim() ?? "";
        if (address.Length is < 5 or > 200)
            errors.Add(Error("home_visit.address", "请填写上门地址（5至200字）", "Give the address to visit (5 to 200 characters)", "address"));
        var phone = details.Phone?.Trim() ?? "";
        if (!MobilePhone.IsValid(phone))
            errors.Add(Error("home_visit.phone", "联系电话应为11位手机号码，如13912345678", "The contact phone is an 11-digit mainland mobile number such as 13912345678", "phone"));
        var times = details.PreferredTimes?.Trim() ?? "";
        if (times.Length is < 2 or > 100)
            errors.Add(Error("home_visit.times", "请写明方便上门的时间（2至100字），如“工作日上午”", "Say when a visit suits (2 to 100 characters), such as 'weekday mornings'", "preferred_times"));
        var note = string.IsNullOrWhiteSpace(details.Note) ? null : details.Note.Trim();
        if (note is { Length: > 500 })
            errors.Add(Error("home_visit.note", "补充说明不超过500字", "The note has at most 500 characters", "note"));
        if (errors.Count > 0) throw new DomainException(errors);
        return new HomeVisit
        {
            Id = HomeVisitId.New(), ResidentId = resident, RequestedBy = requestedBy, StationKey = stationKey, ItemCode = item.ImplementationCode,
            ItemName = item.Name, DepartmentCreditCode = item.DepartmentCreditCode, DivisionCode = item.DivisionCode, Reason = reason,
            Address = address, Phone = phone, PreferredTimes = times, Note = note, State = HomeVisitState.Requested, RequestedAt = at,
        };
    }

    /// <summary>Names who goes (again, to change them, until the visit is made).</summary>
    public void Assign(string staffName, StaffMember by, DateTimeOffset at)
    {
        RequireStaff(by);
        if (State is not (HomeVisitState.Requested or HomeVisitState.Assigned)) throw NotNow("指派人员", "name who goes");
        var name = staffName?.Trim() ?? "";
        if (name.Length is < 2 or > 50) throw Invalid("home_visit.assignee", "请填写上门人员姓名（2至50字）", "Give the name of who goes (2 to 50 characters)", "assignee");
        (AssignedTo, AssignedBy, AssignedAt, State) = (name, by.Actor, at, HomeVisitState.Assigned);
        Revision++;
    }

    /// <summary>
    /// Staff went. With the resident's case (one taken there as a walk-in, or one they had), the visit is a trip on that case at
    /// the resident's address, and the request then closes with the case; without one, it stays open until a case is named.
    /// </summary>
    public void RecordVisit(Case? @case, StaffMember by, DateTimeOffset at)
    {
        RequireStaff(by);
        if (State is not (HomeVisitState.Assigned or HomeVisitState.Visited) || (State == HomeVisitState.Visited && CaseNumber is not null))
            throw NotNow("登记上门", "record the visit");
        if (@case is not null)
        {
            if (@case.ApplicantId != ResidentId || @case.ItemCode != ItemCode)
                throw Invalid("home_visit.case_mismatch", "该办件不是被服务人办理本事项的办件", "That case is not the resident's case of this item", "case_number");
            @case.RecordTrip(Address, "上门服务 home visit", by, at);
            CaseNumber = @case.Number;
        }
        if (State == HomeVisitState.Assigned) (VisitedBy, VisitedAt) = (by.Actor, at);
        State = HomeVisitState.Visited;
        if (@case is { IsClosed: true }) (State, ClosedAt) = (HomeVisitState.Closed, at);
        Revision++;
    }

    /// <summary>The case it served is closed: so is the request.</summary>
    public void CloseWithCase(DateTimeOffset at)
    {
        if (State != HomeVisitState.Visited) return;
        (State, ClosedAt) = (HomeVisitState.Closed, at);
        Revision++;
    }

    public void Decline(string reason, StaffMember by, DateTimeOffset at)
    {
        RequireStaff(by);
        if (State is not (HomeVisitState.Requested or HomeVisitState.Assigned)) throw NotNow("答复不能上门", "decline it");
        var why = reason?.Trim() ?? "";
        if (why.Length is < 2 or > 500) throw Invalid("home_visit.decline_reason", "请写明不能上门的原因（2至500字）", "Say why no visit is possible (2 to 500 characters)", "reason");
        (DeclineReason, AssignedBy, ClosedAt, State) = (why, by.Actor, at, HomeVisitState.Declined);
        Revision++;
    }

    private static void RequireStaff(StaffMember by)
    {
        if (!by.Holds(Policies.WindowClerk) && !by.Holds(Policies.StationAgent))
            throw new DomainException(new DomainError("home_visit.staff_only", "上门服务由窗口人员或驿站代办员安排", "Home visits are arranged by window clerks or station agents", ErrorKind.Forbidden));
    }

    private DomainException NotNow(string zh, string en) => new(new DomainError("home_visit.state",
        $"该上门服务申请目前为“{StateWords(State).Zh}”，不能{zh}", $"The request is now '{StateWords(State).En}', so you cannot {en}", ErrorKind.Conflict));

    public static (string Zh, string En) StateWords(HomeVisitState state) => state switch
    {
        HomeVisitState.Requested => ("待安排", "Waiting to be arranged"),
        HomeVisitState.Assigned => ("已安排人员", "Staff named"),
        HomeVisitState.Visited => ("已上门", "Visited"),
        HomeVisitState.Closed => ("已办结", "Closed"),
        _ => ("未能上门", "Declined"),
    };

    public static (string Zh, string En) ReasonWords(HomeVisitReason reason) =>
        reason == HomeVisitReason.Elderly ? ("年满60周岁", "60 or older") : ("残疾、行动不便", "Disability");

    private static DomainError Error(string code, string zh, string en, string field) => new(code, zh, en, Field: field);

    private static DomainException Invalid(string code, string zh, string en, string field) => new(Error(code, zh, en, field));
}
