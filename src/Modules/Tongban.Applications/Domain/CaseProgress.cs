namespace Tongban.Applications.Domain;

/// <summary>
/// Where a case stands, in plain words for the applicant and for staff alike: whose turn it is and what happens next; for
/// a closed case its outcome and the day it closed, never a running countdown. <paramref name="ClosedOn"/> is the region's
/// date of the conclusion or refusal.
/// </summary>
internal sealed record CaseProgress(string WhoZh, string WhoEn, string NextZh, string NextEn, DateOnly? ClosedOn)
{
    public bool Closed => ClosedOn is not null;

    public static CaseProgress Of(Case c, DateOnly? closedOn) => c.Status switch
    {
        CaseStatus.Submitted => new("窗口工作人员", "A window clerk",
            $"审查申请是否齐全，作出受理、一次性告知补正或不予受理；{Limit(c)}", $"checks the application is complete and accepts it, asks for a correction or refuses it; {LimitEn(c)}", null),
        CaseStatus.AwaitingCorrection => new("您（申请人）", "You, the applicant",
            c.AcceptedOn is null ? "按一次性告知补正后重新提交，窗口再次审查" : "按一次性告知补正后重新提交；补正期间暂停计时，提交后恢复",
            c.AcceptedOn is null ? "correct what the notice names and resubmit; the window then checks it again" : "correct what the notice names and resubmit; the clock is stopped until you do", null),
        CaseStatus.InProcess => InProcess(c),
        CaseStatus.Decided => new("窗口工作人员", "A window clerk",
            (c.Outcome == Outcome.Approved ? "送达准予许可的结果并办结" : "送达不予许可的决定并办结") + Deferred(c, "；容缺材料补齐后才能办结"),
            (c.Outcome == Outcome.Approved ? "delivers the approval and concludes the case" : "delivers the denial and concludes the case") + DeferredEn(c, "; it can conclude once the deferred materials are in"), null),
        CaseStatus.Withdrawn => new("无（已撤回）", "No one: the case was withdrawn",
            $"{closedOn:yyyy-MM-dd} 已由申请人撤回，不再办理；需要时可重新申请", $"withdrawn by the applicant on {closedOn:yyyy-MM-dd} and no longer handled; apply again when you need to", closedOn),
        CaseStatus.Refused => new("无（已结束）", "No one: the case is closed",
            $"{closedOn:yyyy-MM-dd} 不予受理：{c.RefusalReason}。如不服，可按法律告知申请复议或提起诉讼；条件具备后也可重新申请",
            $"refused on {closedOn:yyyy-MM-dd}: {c.RefusalReason}. You may seek review or sue as the legal notice says, or apply again once you qualify", closedOn),
        _ => new("无（已办结）", "No one: the case is concluded",
            $"{(c.LimitDays == 0 && c.AcceptedOn == closedOn ? "当场办结" : "已办结")}（{closedOn:yyyy-MM-dd}，{(c.Outcome == Outcome.Denied ? "不予许可" : "准予许可")}）；欢迎评价本次服务",
            $"{(c.LimitDays == 0 && c.AcceptedOn == closedOn ? "concluded on the spot" : "concluded")} on {closedOn:yyyy-MM-dd} ({(c.Outcome == Outcome.Denied ? "denied" : "approved")}); you are welcome to rate the service", closedOn),
    };

    private static CaseProgress InProcess(Case c)
    {
        var (roleZh, roleEn) = CaseTexts.Role(c.HandlingRole);
        if (c.Stops.LastOrDefault() is { To: null, Kind: not StopKind.Correction } stop)
        {
            var (kindZh, kindEn) = CaseTexts.Stop(stop.Kind);
            return new(roleZh, roleEn, $"特别程序（{kindZh}）进行中，暂停计时；结束后继续办理", $"a special procedure ({kindEn.ToLowerInvariant()}) is under way and the clock is stopped; handling goes on after it", null);
        }
        var (stepZh, stepEn) = c.AwaitsDecision || c.CurrentStep is not { } step ? ("作出审批决定（准予或不予许可），然后送达办结", "decides (approves or denies), then the result is delivered")
            : (step.NameZh + "，之后：" + (c.StepIndex + 1 < c.Steps.Count ? c.Steps[c.StepIndex + 1].NameZh : "决定"), step.NameEn.ToLowerInvariant() + ", then: " + (c.StepIndex + 1 < c.Steps.Count ? c.Steps[c.StepIndex + 1].NameEn.ToLowerInvariant() : "the decision"));
        return new(roleZh, roleEn, stepZh + Deferred(c, "；另请您按承诺补交容缺材料"), stepEn + DeferredEn(c, "; meanwhile, supply the deferred materials as promised"), null);
    }

    private static string Limit(Case c) => c.LimitDays == 0 ? "本事项为即办件，受理后当场办结" : $"受理后开始计算{c.LimitDays}个工作日的办理时限";

    private static string LimitEn(Case c) => c.LimitDays == 0 ? "an instant item, concluded on the spot once accepted" : $"the {c.LimitDays} working days of the limit start at acceptance";

    private static string Deferred(Case c, string text) => c.OutstandingDeferred.Any() ? text : "";

    private static string DeferredEn(Case c, string text) => c.OutstandingDeferred.Any() ? text : "";
}
