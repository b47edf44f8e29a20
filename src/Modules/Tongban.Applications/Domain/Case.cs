using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Domain;

/// <summary>
/// A case (办件): one application for one item version, from submission to conclusion. Each handling step is a
/// method that checks its rule and refuses with a named error; every step adds a line to <see cref="History"/>.
/// Pre-review lives here; process steps, the clock, decision, conclusion and trips in Case.Handling.cs.
/// </summary>
internal sealed partial class Case : IStaffScoped
{
    private Case() { }

    public CaseId Id { get; private set; }
    public string Number { get; private set; } = "";

    /// <summary>What makes a repeated submit the same submit: the draft's id, or the client's idempotency key.</summary>
    public string SubmissionKey { get; private set; } = "";

    /// <summary>The bundle (一件事) the case was applied for with others, all submitted together; null for a case alone.</summary>
    public BundleRef? Bundle { get; private set; }
    public string ItemCode { get; private set; } = "";
    public string ItemName { get; private set; } = "";
    public int ItemVersion { get; private set; }
    public string DepartmentCreditCode { get; private set; } = "";
    public string DivisionCode { get; private set; } = "";
    public int LimitDays { get; private set; }
    public int PromisedTrips { get; private set; }
    public List<CaseMaterial> Materials { get; private set; } = [];
    public List<CaseStep> Steps { get; private set; } = [];
    public Guid ApplicantId { get; private set; }
    public string ApplicantName { get; private set; } = "";
    public string ApplicantMaskedId { get; private set; } = "";
    public Channel Channel { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    public DateTimeOffset SubmittedAt { get; private set; }
    public Dictionary<string, string> Form { get; private set; } = [];
    public List<MaterialRef> Provided { get; private set; } = [];
    public CaseStatus Status { get; private set; }
    public int StepIndex { get; private set; }
    public List<CorrectionItem> Corrections { get; private set; } = [];

    /// <summary>The station (驿站) where the case was submitted: a walk-in at a station's window or a station agent's submission.</summary>
    public string? StationKey { get; private set; }
    public List<DeferredMaterial> Deferred { get; private set; } = [];

    /// <summary>A deferred material (容缺) is still awaited on an open case: kept on every change, so the reminder job finds these cases by index.</summary>
    public bool AwaitingDeferred { get; private set; }
    public List<ClockStop> Stops { get; private set; } = [];
    public DateOnly? AcceptedOn { get; private set; }
    public DateOnly? DueOn { get; private set; }

    /// <summary>The workbench's sort key: <see cref="DueOn"/>, or <see cref="NotDue"/> before acceptance (a real column, so queues page by index).</summary>
    public DateOnly DueSort { get; private set; } = NotDue;

    public static readonly DateOnly NotDue = new(9999, 12, 31);
    public string? RefusalReason { get; private set; }
    public string? LegalNotice { get; private set; }
    public Outcome? Outcome { get; private set; }
    public string? DecisionOpinion { get; private set; }
    public Delivery? Delivery { get; private set; }
    public string? TrackingNumber { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public DateOnly? ConcludedOn { get; private set; }
    public List<Trip> Trips { get; private set; } = [];

    /// <summary>
    /// The hall's queue ticket of the case's latest visit served at a window — the ticket it was started from (窗口收件 from a
    /// called ticket) or a later visit's: its on-site rating joins the case's. A rating comes right after the service, so
    /// the latest ticket is the one rated.
    /// </summary>
    public Guid? HallTicketId { get; private set; }
    public List<CaseEvent> History { get; private set; } = [];
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>The role whose workbench queue holds the case now (<see cref="ApplicantQueue"/> while the applicant must act; null when closed).</summary>
    public string? Queue { get; private set; }

    public const string ApplicantQueue = "applicant";

    /// <summary>Bumped by every change: two clerks acting on one case at once cannot both win.</summary>
    public int Revision { get; private set; }

    public static Case Submit(string number, string submissionKey, ItemSnapshot item, Applicant applicant, Channel channel,
        IReadOnlyDictionary<string, string> form, IReadOnlyList<MaterialRef> provided, Trip? visit, string actor, DateTimeOffset at, string? stationKey = null)
    {
        if (MissingMaterials(item, provided) is { Count: > 0 } missing) throw new DomainException(missing);
        var @case = new Case
        {
            Id = CaseId.New(), Number = number, SubmissionKey = submissionKey,
            ItemCode = item.Code, ItemName = item.Name, ItemVersion = item.Version, DepartmentCreditCode = item.DepartmentCreditCode,
            DivisionCode = item.DivisionCode, LimitDays = item.LimitDays, PromisedTrips = item.PromisedTrips,
            Materials = [.. item.Materials], Steps = [.. item.Steps],
            ApplicantId = applicant.AccountId, ApplicantName = applicant.Name, ApplicantMaskedId = applicant.MaskedIdNumber,
            Channel = channel, SubmittedBy = actor, SubmittedAt = at, Form = new(form), Provided = [.. provided],
            Status = CaseStatus.Submitted, StationKey = stationKey,
        };
        if (visit is not null) (@case.HallTicketId, @case.Trips) = (visit.TicketId, [visit]);
        @case.Record(actor, "submitted", null, at);
        return @case;
    }

    /// <summary>A required, non-tolerable material of <paramref name="item"/> not in <paramref name="provided"/>: each one named.</summary>
    public static IReadOnlyList<DomainError> MissingMaterials(ItemSnapshot item, IReadOnlyList<MaterialRef> provided) =>
        [.. item.Materials.Where(m => m.Required && !m.Tolerable && !provided.Any(p => p.Key == m.Key))
            .Select(m => new DomainError("case.material_missing", $"请提供材料：{m.Name}", $"Provide the material: {m.Name}", Field: $"materials.{m.Key}"))];

    /// <summary>Marks a case just submitted as one of a bundle's cases.</summary>
    public void JoinBundle(BundleRef bundle) => Bundle = bundle;

    /// <summary>受理: the application is complete; the time limit starts the day after.</summary>
    public void Accept(StaffMember staff, DateOnly today, WorkingDayCalendar calendar, DateTimeOffset at)
    {
        RequireSubmitted(staff, "accept", "受理", "accepted");
        AcceptedOn = today;
        Status = CaseStatus.InProcess;
        DueOn = DeadlineOn(today, calendar, 0).DueOn;
        Record(staff.Actor, "accepted", null, at);
    }

    /// <summary>容缺受理: accepted while materials the catalog flags tolerable are promised for a date; conclusion waits for them.</summary>
    public void AcceptWithDeferred(IReadOnlyList<string> keys, DateOnly promisedBy, StaffMember staff, DateOnly today, WorkingDayCalendar calendar, DateTimeOffset at)
    {
        RequireSubmitted(staff, "accept", "受理", "accepted");
        if (keys.Count == 0) throw Invalid("case.deferred_required", "请选择容缺的材料", "Choose the materials to defer", "deferred");
        if (promisedBy <= today) throw Invalid("case.deferred_date", "补交日期须晚于今天", "The promised date must be after today", "promised_by");
        var deferred = new List<DeferredMaterial>();
        foreach (var key in keys.Distinct())
        {
            var material = Materials.FirstOrDefault(m => m.Key == key);
            if (material is not { Tolerable: true })
                throw Rule("case.deferred_not_tolerable", $"材料“{material?.Name ?? key}”不在事项的容缺清单内，不能容缺受理",
                    $"The material '{material?.Name ?? key}' is not on the item's tolerable list and cannot be deferred");
            deferred.Add(new DeferredMaterial(key, material.Name, promisedBy, null));
        }
        Deferred = deferred;
        Accept(staff, today, calendar, at);
        History[^1] = History[^1] with { Action = "accepted_with_deferred", Opinion = string.Join("、", deferred.Select(d => d.Name)) + $" → {promisedBy:yyyy-MM-dd}" };
    }

    /// <summary>不予受理, with the reason and the legal notice (the applicant's right to review or sue).</summary>
    public void Refuse(string reason, string legalNotice, StaffMember staff, DateTimeOffset at)
    {
        RequireSubmitted(staff, "refuse", "不予受理", "refused");
        var errors = new List<DomainError>();
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(new("case.reason_required", "请写明不予受理的理由", "State why the application is refused", Field: "reason"));
        if (string.IsNullOrWhiteSpace(legalNotice)) errors.Add(new("case.legal_notice_required", "请写明法律告知（复议、诉讼的途径和期限）",
            "Give the legal notice (how and by when to seek review or sue)", Field: "legal_notice"));
        if (errors.Count > 0) throw new DomainException(errors);
        (Status, RefusalReason, LegalNotice) = (CaseStatus.Refused, reason.Trim(), legalNotice.Trim());
        Record(staff.Actor, "refused", RefusalReason, at);
    }

    /// <summary>
    /// 一次性告知: every material or field to correct, at once. Before acceptance the limit has not started; during
    /// handling the clock stops until the applicant resubmits.
    /// </summary>
    public void RequestCorrection(IReadOnlyList<CorrectionItem> items, StaffMember staff, DateOnly today, DateTimeOffset at)
    {
        if (Status is not (CaseStatus.Submitted or CaseStatus.InProcess))
            throw Rule("case.correction_not_allowed", $"只有待受理或办理中的办件可以告知补正（当前：{StatusText}）",
                $"Only a case waiting for pre-review or in process can be sent back for correction (now: {StatusTextEn})");
        var clean = items.Where(i => !string.IsNullOrWhiteSpace(i.Target)).Select(i => new CorrectionItem(i.Target.Trim(), i.Note?.Trim() ?? "")).ToList();
        if (clean.Count == 0 || clean.Any(i => i.Note.Length == 0))
            throw Invalid("case.correction_items_required", "请一次列明每一项需补正的材料或字段及原因", "Name every material or field to correct, each with what is wrong", "corrections");
        RequireRole(staff, Status == CaseStatus.Submitted ? Policies.WindowClerk : HandlingRole, "补正告知", "Correction request");
        if (Status == CaseStatus.InProcess)
        {
            RequireClockRunning();
            Stops.Add(new ClockStop(StopKind.Correction, "补正 correction", today, null));
        }
        (Status, Corrections) = (CaseStatus.AwaitingCorrection, clean);
        Record(staff.Actor, "correction_requested", string.Join("；", clean.Select(i => $"{i.Target}: {i.Note}")), at);
    }

    /// <summary>
    /// The applicant resubmits the corrected fields; every material named in the notice must have been given again
    /// first (<see cref="ProvideAwaited"/>: a file or a registry fact, waiting on the notice). A stopped clock runs again.
    /// </summary>
    public void Resubmit(IReadOnlyDictionary<string, string> form, string actor, DateOnly today, WorkingDayCalendar calendar, DateTimeOffset at)
    {
        RequireAwaitingCorrection();
        var missing = Corrections.Where(c => c.Provided is null && Materials.Any(m => m.Key == c.Target)).ToList();
        if (missing.Count > 0)
            throw new DomainException([.. missing.Select(c => Materials.First(m => m.Key == c.Target)).Select(m => new DomainError("case.correction_material_missing",
                $"请上传或选用需补正的材料：{m.Name}", $"Upload or choose the material to correct: {m.Name}", Field: $"materials.{m.Key}"))]);
        foreach (var (key, value) in form) Form[key] = value;
        foreach (var correction in Corrections) if (correction.Provided is { } material) Provide(material);
        CloseOpenStop(today);
        Status = AcceptedOn is null ? CaseStatus.Submitted : CaseStatus.InProcess;
        Corrections = [];
        if (AcceptedOn is not null) DueOn = DeadlineOn(today, calendar, 0).DueOn;
        Record(actor, "resubmitted", null, at);
    }

    public Deadline DeadlineOn(DateOnly today, WorkingDayCalendar calendar, decimal warningShare) =>
        Deadline.On(ConcludedOn ?? today, AcceptedOn, LimitDays, Stops, calendar, warningShare);

    private void Provide(MaterialRef material)
    {
        Provided.RemoveAll(p => p.Key == material.Key);
        Provided.Add(material);
    }

    private void RequireSubmitted(StaffMember staff, string action, string zh, string en)
    {
        if (Status != CaseStatus.Submitted)
            throw Rule($"case.{action}_requires_submitted", $"只有待受理的办件可以{zh}（当前：{StatusText}）", $"Only a case waiting for pre-review can be {en} (now: {StatusTextEn})");
        RequireRole(staff, Policies.WindowClerk, "受理", "Pre-review");
    }

    private void Record(string actor, string action, string? opinion, DateTimeOffset at)
    {
        History.Add(new CaseEvent(at, actor, action, Status, opinion));
        Queue = Status switch
        {
            CaseStatus.Submitted or CaseStatus.Decided => Policies.WindowClerk,
            CaseStatus.AwaitingCorrection => ApplicantQueue,
            CaseStatus.InProcess => HandlingRole,
            _ => null,
        };
        DueSort = DueOn ?? NotDue;
        AwaitingDeferred = Status is CaseStatus.InProcess or CaseStatus.Decided && OutstandingDeferred.Any();
        UpdatedAt = at;
        Revision++;
    }

    private string StatusText => CaseTexts.Status(Status).Zh;
    private string StatusTextEn => CaseTexts.Status(Status).En;

    private static DomainException Rule(string code, string zh, string en) => new(new DomainError(code, zh, en, ErrorKind.Conflict));

    private static DomainException Invalid(string code, string zh, string en, string field) => new(new DomainError(code, zh, en, Field: field));
}
