using Tongban.Kernel.Errors;

namespace Tongban.Applications.Domain;

/// <summary>撤回: the applicant takes their application back before it is decided.</summary>
internal sealed partial class Case
{
    /// <summary>No one handles the case any more: concluded, refused or withdrawn.</summary>
    public bool IsClosed => Closes(Status);

    public static bool Closes(CaseStatus status) => status is CaseStatus.Concluded or CaseStatus.Refused or CaseStatus.Withdrawn;

    /// <summary>The applicant may still take the application back: no decision has been made.</summary>
    public bool MayBeWithdrawn => Status is CaseStatus.Submitted or CaseStatus.AwaitingCorrection or CaseStatus.InProcess;

    /// <summary>
    /// Before a decision the applicant may withdraw, with a reason; the case closes, an open clock stop ends, nothing the
    /// correction notice names or deferred is awaited any more (the notice stays on record with what was given for it).
    /// </summary>
    public void Withdraw(string reason, string actor, DateOnly today, DateTimeOffset at)
    {
        if (!MayBeWithdrawn)
            throw Rule("case.withdraw_not_allowed", $"只有尚未作出决定的办件可以撤回（当前：{StatusText}）",
                $"Only a case not yet decided can be withdrawn (now: {StatusTextEn})");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
            throw Invalid("case.withdraw_reason", "请写明撤回的理由（不超过500字）", "Say why you withdraw (500 characters at most)", "reason");
        CloseOpenStop(today);
        Status = CaseStatus.Withdrawn;
        Record(actor, "withdrawn", reason.Trim(), at);
    }
}
