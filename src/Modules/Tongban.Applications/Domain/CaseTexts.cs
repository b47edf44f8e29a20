using Tongban.Kernel.Security;

namespace Tongban.Applications.Domain;

/// <summary>Names of statuses, roles and history actions in both languages, for errors and pages alike.</summary>
internal static class CaseTexts
{
    public static (string Zh, string En) Status(CaseStatus status) => status switch
    {
        CaseStatus.Submitted => ("待受理", "Waiting for pre-review"),
        CaseStatus.AwaitingCorrection => ("待补正", "Waiting for correction"),
        CaseStatus.InProcess => ("办理中", "In process"),
        CaseStatus.Refused => ("不予受理", "Refused"),
        CaseStatus.Decided => ("已决定", "Decided"),
        CaseStatus.Withdrawn => ("已撤回", "Withdrawn"),
        _ => ("已办结", "Concluded"),
    };

    public static (string Zh, string En) Role(string role) =>
        Policies.All.FirstOrDefault(p => p.Role == role) is { Role: not null } p ? (p.Chinese, p.English) : (role, role);

    public static (string Zh, string En) Action(string action) => action.Split(':')[0] switch
    {
        "submitted" => ("提交申请", "Submitted"),
        "accepted" => ("受理", "Accepted"),
        "accepted_with_deferred" => ("容缺受理", "Accepted with deferred materials"),
        "refused" => ("不予受理", "Refused"),
        "correction_requested" => ("一次性告知补正", "Correction requested"),
        "resubmitted" => ("补正后重新提交", "Resubmitted"),
        "step" => ("办理环节", "Process step"),
        "clock_stopped" => ("特别程序，暂停计时", "Special procedure, clock stopped"),
        "clock_restarted" => ("恢复计时", "Clock restarted"),
        "deferred_supplied" => ("补交容缺材料", "Deferred material supplied"),
        "approved" => ("准予许可", "Approved"),
        "denied" => ("不予许可", "Denied"),
        "concluded" => ("办结", "Concluded"),
        "withdrawn" => ("申请人撤回", "Withdrawn by the applicant"),
        "trip_recorded" => ("到场记录", "Visit recorded"),
        _ => (action, action),
    };

    public static (string Zh, string En) Delivery(Delivery delivery) => delivery switch
    {
        Domain.Delivery.Window => ("窗口领取", "Collect at a window"),
        Domain.Delivery.Mail => ("邮寄送达", "By mail"),
        _ => ("电子送达", "Electronic"),
    };

    public static (string Zh, string En) Channel(Channel channel) => channel switch
    {
        Domain.Channel.Online => ("网上申请", "Applied online"),
        Domain.Channel.Window => ("窗口收件", "At a hall window"),
        _ => ("驿站代办", "Through a station"),
    };

    /// <summary>
    /// The role an event of the history was done in, where the rules say which: a process step's role, the deciding role,
    /// a window clerk for pre-review; null where several roles may act (the reader then sees the actor's own role).
    /// </summary>
    public static string? RoleOf(CaseEvent e, Case c) => e.Action.Split(':')[0] switch
    {
        "step" => c.Steps.FirstOrDefault(s => "step:" + s.Key == e.Action)?.Role,
        "approved" or "denied" => c.DecidingRole,
        "accepted" or "accepted_with_deferred" or "refused" => Policies.WindowClerk,
        "correction_requested" when !c.History.TakeWhile(h => h != e).Any(h => h.Action.StartsWith("accepted", StringComparison.Ordinal)) => Policies.WindowClerk,
        "submitted" when c.Channel == Domain.Channel.Window => Policies.WindowClerk,
        "submitted" when c.Channel == Domain.Channel.Station && e.Actor != $"user:{c.ApplicantId}" => Policies.StationAgent,
        _ => null,
    };

    public static (string Zh, string En) Stop(StopKind kind) => kind switch
    {
        StopKind.Correction => ("补正", "Correction"),
        StopKind.Hearing => ("听证", "Hearing"),
        StopKind.Inspection => ("现场勘查", "Inspection"),
        _ => ("专家评审", "Expert review"),
    };
}
