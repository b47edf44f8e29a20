using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Domain;

/// <summary>After acceptance: the item's process steps, special procedures that stop the clock, decision, conclusion, trips.</summary>
internal sealed partial class Case
{
    /// <summary>The step waiting to be done, or null once every step but the decision is done.</summary>
    public CaseStep? CurrentStep => Status == CaseStatus.InProcess && StepIndex < Steps.Count ? Steps[StepIndex] : null;

    /// <summary>Who decides: the holder of the last process step's role, or an approver when the item has no process.</summary>
    public string DecidingRole => Steps.Count > 0 ? Steps[^1].Role : Policies.Approver;

    /// <summary>Who handles the case now: the current step's role, or the deciding role once only the decision is left.</summary>
    public string HandlingRole => CurrentStep is { } step && !AwaitsDecision ? step.Role : DecidingRole;

    public bool AwaitsDecision => Status == CaseStatus.InProcess && StepIndex >= Steps.Count - 1;

    /// <summary>The deferred materials still awaited (none once the application is withdrawn).</summary>
    public IEnumerable<DeferredMaterial> OutstandingDeferred => IsClosed ? [] : Deferred.Where(d => d.ReceivedAt is null);

    public bool TripsOverPromise => Trips.Count > PromisedTrips;

    /// <summary>A process step (review, sign-off) done by a holder of its role with an opinion. The last step is the decision.</summary>
    public void CompleteStep(string opinion, StaffMember staff, DateTimeOffset at)
    {
        RequireInProcess("complete_step", "完成办理环节", "complete a step");
        RequireClockRunning();
        if (AwaitsDecision)
            throw Rule("case.step_is_decision", "最后一个环节是审批决定，请作出决定", "The last step is the decision: decide the case");
        var step = Steps[StepIndex];
        RequireRole(staff, step.Role, step.NameZh, step.NameEn);
        RequireOpinion(opinion);
        StepIndex++;
        Record(staff.Actor, $"step:{step.Key}", opinion.Trim(), at);
    }

    /// <summary>特别程序 (hearing, inspection, expert review): the clock stops with a reason until restarted.</summary>
    public void StopClock(StopKind kind, string reason, StaffMember staff, DateOnly today, DateTimeOffset at)
    {
        RequireInProcess("stop_clock", "启动特别程序", "start a special procedure");
        RequireRole(staff, HandlingRole, "特别程序", "Special procedure");
        RequireClockRunning();
        if (kind == StopKind.Correction)
            throw Invalid("case.stop_kind", "补正请使用“一次性告知”", "Ask for a correction with the one-time notice", "kind");
        if (string.IsNullOrWhiteSpace(reason)) throw Invalid("case.stop_reason_required", "请写明暂停计时的理由", "State why the clock stops", "reason");
        Stops.Add(new ClockStop(kind, reason.Trim(), today, null));
        Record(staff.Actor, $"clock_stopped:{kind}", reason.Trim(), at);
    }

    public void RestartClock(StaffMember staff, DateOnly today, WorkingDayCalendar calendar, DateTimeOffset at)
    {
        if (Status != CaseStatus.InProcess || Stops.LastOrDefault() is not { To: null, Kind: not StopKind.Correction })
            throw Rule("case.clock_not_stopped", "该办件没有进行中的特别程序", "The case has no special procedure under way");
        RequireRole(staff, HandlingRole, "恢复计时", "Restarting the clock");
        CloseOpenStop(today);
        DueOn = DeadlineOn(today, calendar, 0).DueOn;
        Record(staff.Actor, "clock_restarted", null, at);
    }

    /// <summary>The applicant supplies a material deferred at acceptance (through <see cref="ProvideAwaited"/>).</summary>
    private void SupplyDeferred(MaterialRef material, string actor, DateTimeOffset at)
    {
        if (IsClosed)
            throw Rule("case.closed", $"该办件已{StatusText}", $"The case is {StatusTextEn.ToLowerInvariant()}");
        RequireFileOrFact(material);
        var index = Deferred.FindIndex(d => d.Key == material.Key && d.ReceivedAt is null);
        if (index < 0) throw Rule("case.not_deferred", "该材料不是待补交的容缺材料", "The material is not a deferred one still awaited");
        Deferred[index] = Deferred[index] with { ReceivedAt = at };
        Provide(material with { AttachedAt = at }); // after submission: the once-only figures count materials as submitted
        Record(actor, "deferred_supplied", Deferred[index].Name, at);
    }

    /// <summary>审批决定: approve or deny with an opinion, once every earlier step is done, by the deciding role.</summary>
    public void Decide(Outcome outcome, string opinion, StaffMember staff, DateTimeOffset at)
    {
        RequireInProcess("decide", "作出决定", "decide");
        RequireClockRunning();
        if (!AwaitsDecision)
            throw Rule("case.steps_remaining", $"还有办理环节未完成：{Steps[StepIndex].NameZh}", $"A step is still to be done: {Steps[StepIndex].NameEn}");
        var last = Steps.Count > 0 ? Steps[^1] : null;
        RequireRole(staff, DecidingRole, last?.NameZh ?? "审批", last?.NameEn ?? "Decision");
        RequireOpinion(opinion);
        (Status, Outcome, DecisionOpinion) = (CaseStatus.Decided, outcome, opinion.Trim());
        StepIndex = Steps.Count;
        Record(staff.Actor, outcome == Domain.Outcome.Approved ? "approved" : "denied", DecisionOpinion, at);
    }

    /// <summary>办结: the result delivered. Blocked while a deferred material is missing; a mailed result needs its tracking number.</summary>
    public void Conclude(Delivery delivery, string? trackingNumber, StaffMember staff, DateOnly today, DateTimeOffset at)
    {
        if (Status != CaseStatus.Decided)
            throw Rule("case.conclude_requires_decision", $"只有已作出决定的办件可以办结（当前：{StatusText}）", $"Only a decided case can be concluded (now: {StatusTextEn})");
        if (!staff.Holds(Policies.WindowClerk)) RequireRole(staff, DecidingRole, "办结送达", "Conclusion");
        if (OutstandingDeferred.ToList() is { Count: > 0 } missing)
            throw Rule("case.deferred_outstanding", $"容缺材料尚未补齐，不能办结：{string.Join("、", missing.Select(m => m.Name))}",
                $"Deferred materials are still missing, so the case cannot be concluded: {string.Join(", ", missing.Select(m => m.Name))}");
        if (delivery == Domain.Delivery.Mail && string.IsNullOrWhiteSpace(trackingNumber))
            throw Invalid("case.tracking_required", "邮寄送达须填写运单号", "A mailed result needs its tracking number", "tracking_number");
        (Status, Delivery, TrackingNumber, ConcludedAt, ConcludedOn) = (CaseStatus.Concluded, delivery, trackingNumber?.Trim(), at, today);
        if (delivery == Domain.Delivery.Window) Trips.Add(new Trip(at, "窗口 window", "领取结果 collect the result", staff.Actor));
        Record(staff.Actor, "concluded", delivery == Domain.Delivery.Mail ? $"{delivery} {TrackingNumber}" : delivery.ToString(), at);
    }

    /// <summary>Every in-person visit is recorded, so the case knows its trips against the item's promise.</summary>
    public void RecordTrip(string place, string purpose, StaffMember staff, DateTimeOffset at)
    {
        if (!staff.Holds(Policies.StationAgent)) RequireRole(staff, Policies.WindowClerk, "到场记录", "Recording a visit");
        if (string.IsNullOrWhiteSpace(place) || string.IsNullOrWhiteSpace(purpose))
            throw Invalid("case.trip_incomplete", "请填写地点和事由", "Give the place and the purpose", string.IsNullOrWhiteSpace(place) ? "place" : "purpose");
        Trips.Add(new Trip(at, place.Trim(), purpose.Trim(), staff.Actor));
        Record(staff.Actor, "trip_recorded", $"{place.Trim()}: {purpose.Trim()}", at);
    }

    /// <summary>
    /// A visit served at a hall window under a queue ticket (a person coming back, e.g. with a correction): recorded as a
    /// trip naming the hall, the window and the ticket, once per ticket; the window's rating of it joins this case's.
    /// </summary>
    public void RecordTicketVisit(Guid ticketId, string place, string purpose, StaffMember staff, DateTimeOffset at)
    {
        if (Trips.Any(t => t.TicketId == ticketId))
            throw Rule("case.ticket_already_recorded", "该号票的到场已记录在本办件", "This ticket's visit is already recorded on the case");
        RecordTrip(place, purpose, staff, at);
        Trips[^1] = Trips[^1] with { TicketId = ticketId };
        HallTicketId = ticketId;
    }

    private void CloseOpenStop(DateOnly today)
    {
        var open = Stops.FindLastIndex(s => s.To is null);
        if (open >= 0) Stops[open] = Stops[open] with { To = today < Stops[open].From ? Stops[open].From : today };
    }

    private void RequireInProcess(string action, string zh, string en)
    {
        if (Status != CaseStatus.InProcess)
            throw Rule($"case.{action}_requires_in_process", $"只有办理中的办件可以{zh}（当前：{StatusText}）", $"Only a case in process allows you to {en} (now: {StatusTextEn})");
    }

    private void RequireClockRunning()
    {
        if (Stops.Any(s => s.To is null))
            throw Rule("case.clock_stopped", "办件处于暂停计时（补正或特别程序）中", "The case's clock is stopped (correction or special procedure)");
    }

    private static void RequireRole(StaffMember staff, string role, string stepZh, string stepEn)
    {
        if (staff.Holds(role)) return;
        var (zh, en) = CaseTexts.Role(role);
        throw new DomainException(new DomainError("case.step_role", $"“{stepZh}”须由{zh}办理", $"'{stepEn}' is done by a {en.ToLowerInvariant()}", ErrorKind.Forbidden));
    }

    private static void RequireOpinion(string opinion)
    {
        if (string.IsNullOrWhiteSpace(opinion)) throw Invalid("case.opinion_required", "请填写意见", "Give your opinion", "opinion");
    }
}
