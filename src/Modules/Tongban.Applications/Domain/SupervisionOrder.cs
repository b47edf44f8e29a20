using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Domain;

/// <summary>
/// 督办: an efficiency supervisor's order on a case under way — a requirement and a date by which the case's
/// department must answer. Answered once; unanswered after the date it is flagged.
/// </summary>
internal sealed class SupervisionOrder : IStaffScoped
{
    private SupervisionOrder() { }

    public SupervisionOrderId Id { get; private set; }
    public CaseId CaseId { get; private set; }
    public string CaseNumber { get; private set; } = "";
    public string ItemName { get; private set; } = "";
    public string DepartmentCreditCode { get; private set; } = "";
    public string DivisionCode { get; private set; } = "";

    /// <summary>The station (驿站) where the case was submitted, if any: its staff see the order as they see the case.</summary>
    public string? StationKey { get; private set; }
    public string Requirement { get; private set; } = "";
    public DateOnly AnswerBy { get; private set; }
    public string IssuedBy { get; private set; } = "";
    public DateTimeOffset IssuedAt { get; private set; }
    public string? Answer { get; private set; }
    public string? AnsweredBy { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public int Revision { get; private set; }

    public bool OverdueOn(DateOnly today) => Answer is null && today > AnswerBy;

    public static SupervisionOrder Issue(Case @case, string requirement, DateOnly answerBy, StaffMember supervisor, DateOnly today, DateTimeOffset at)
    {
        if (!supervisor.Holds(Policies.EfficiencySupervisor))
            throw new DomainException(new DomainError("supervision.supervisor_only", "督办由效能督查员发出", "A supervision order is issued by an efficiency supervisor", ErrorKind.Forbidden));
        if (@case.IsClosed)
            throw new DomainException(new DomainError("supervision.case_closed", "已办结、不予受理或已撤回的办件不能督办", "A concluded, refused or withdrawn case cannot be supervised", ErrorKind.Conflict));
        if (string.IsNullOrWhiteSpace(requirement)) throw Invalid("supervision.requirement_required", "请写明督办要求", "State what the department must do", "requirement");
        if (answerBy <= today) throw Invalid("supervision.answer_by", "答复期限须晚于今天", "The answer date must be after today", "answer_by");
        return new SupervisionOrder
        {
            Id = SupervisionOrderId.New(), CaseId = @case.Id, CaseNumber = @case.Number, ItemName = @case.ItemName,
            DepartmentCreditCode = @case.DepartmentCreditCode, DivisionCode = @case.DivisionCode, StationKey = @case.StationKey,
            Requirement = requirement.Trim(), AnswerBy = answerBy, IssuedBy = supervisor.Actor, IssuedAt = at,
        };
    }

    /// <summary>The department answers the order, once.</summary>
    public void Respond(string answer, string actor, DateTimeOffset at)
    {
        if (Answer is not null) throw new DomainException(new DomainError("supervision.already_answered", "该督办已答复", "The order is already answered", ErrorKind.Conflict));
        if (string.IsNullOrWhiteSpace(answer)) throw Invalid("supervision.answer_required", "请填写答复", "Write the answer", "answer");
        (Answer, AnsweredBy, AnsweredAt) = (answer.Trim(), actor, at);
        Revision++;
    }

    private static DomainException Invalid(string code, string zh, string en, string field) => new(new DomainError(code, zh, en, Field: field));
}
