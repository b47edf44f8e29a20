namespace Tongban.Statistics.Features.Indicators;

/// <summary>
/// Every case indicator, each defined once; the API, the dashboard, the exports and docs/indicators.md read this list.
/// No national numerator and denominator was published for most of them (domain-facts-2 §4): where "ours" is written,
/// the definition is the one stated in the formula, following the common local practice named.
/// </summary>
internal static class IndicatorRegistry
{
    private const string Ours = "本平台定义，按各地通行口径 / Our definition, following common local practice";

    public static readonly IReadOnlyList<Indicator> All =
    [
        new("received", "收件量", "Cases received", Unit.Count, m => m.Received, null,
            "当期提交的办件数", "Cases submitted in the period", "GB/T 39046-2020 办事申请", Milestone.Received),
        new("accepted", "受理量", "Cases accepted", Unit.Count, m => m.Accepted, null,
            "当期受理（含容缺受理）的办件数", "Cases accepted (also with deferred materials) in the period", "GB/T 39046-2020 事项受理", Milestone.Accepted),
        new("refused", "不予受理量", "Cases refused", Unit.Count, m => m.Refused, null,
            "当期不予受理的办件数", "Cases refused in the period", Ours, Milestone.Refused),
        new("concluded", "办结量", "Cases concluded", Unit.Count, m => m.Concluded, null,
            "当期办结的办件数", "Cases concluded in the period", "GB/T 39046-2020 事项办结", Milestone.Concluded),
        new("on-time-rate", "按时办结率", "Concluded on time", Unit.Percent, m => m.ConcludedOnTime, m => m.ConcludedWithDue,
            "在承诺办结日期当日或之前办结的件数 ÷ 有承诺办结日期的办结件数 × 100%",
            "Cases concluded on or before their promised date ÷ concluded cases with a promised date × 100%", Ours + " (ADR 0015)", Milestone.Concluded, Behind.ConcludedOnTime),
        new("overdue", "超期办结量", "Concluded overdue", Unit.Count, m => m.ConcludedLate, null,
            "在承诺办结日期之后办结的件数", "Cases concluded after their promised date", Ours, Milestone.Concluded, Behind.ConcludedLate),
        new("average-days", "平均办结用时", "Average time to conclude", Unit.WorkingDays, m => m.WorkingDaysSum, m => m.WorkingDaysCount,
            "Σ（受理次日至办结日的工作日数）÷ 已受理的办结件数（不扣除特别程序）",
            "Σ working days from the day after acceptance to conclusion ÷ concluded accepted cases (special procedures not deducted)", Ours, Milestone.Concluded),
        new("corrections", "补正次数", "Corrections requested", Unit.Count, m => m.Corrections, null,
            "当期收件的办件被要求补正的次数之和", "Corrections requested on the cases received in the period", Ours, Milestone.Received, Behind.WithCorrections),
        new("deferred", "容缺受理量", "Accepted with deferred materials", Unit.Count, m => m.AcceptedDeferred, null,
            "当期容缺受理（缺少容缺清单内的次要材料、承诺补交）的办件数", "Cases accepted in the period while tolerable materials were deferred (容缺受理)",
            Ours, Milestone.Accepted, Behind.AcceptedDeferred),
        new("withdrawn", "撤回量", "Cases withdrawn", Unit.Count, m => m.Withdrawn, null,
            "当期申请人在作出决定前撤回的办件数", "Cases the applicant withdrew before a decision in the period", Ours, Milestone.Withdrawn),
        new("average-trips", "平均跑动次数", "Average trips per case", Unit.Trips, m => m.TripsSum, m => m.TripsCounted,
            "Σ 办结件记录的跑动次数（窗口、驿站递交，窗口领取，登记的到场）÷ 记录了跑动的办结件数",
            "Σ trips recorded on the concluded cases (submission at a window or station, collection at the window, visits staff recorded) ÷ those cases",
            "“最多跑一次” / at most one trip; " + Ours, Milestone.Concluded),
        new("trips-within-promise", "跑动不超承诺率", "Trips within the promise", Unit.Percent, m => m.TripsCounted - m.TripsOverPromise, m => m.TripsCounted,
            "实际跑动次数不超过事项承诺跑动次数的办结件数 ÷ 记录了跑动的办结件数 × 100%",
            "Concluded cases with no more trips than the item promises ÷ concluded cases with their trips × 100%", "“最多跑一次” / at most one trip; " + Ours,
            Milestone.Concluded, Behind.TripsWithinPromise),
        new("trips-over-promise", "超承诺跑动件数", "Cases over the promised trips", Unit.Count, m => m.TripsOverPromise, null,
            "实际跑动次数超过事项承诺跑动次数的办结件数", "Concluded cases with more trips than the item promises", Ours, Milestone.Concluded, Behind.TripsOverPromise),
        new("once-only-rate", "免提交率", "Materials not brought", Unit.Percent, m => m.MaterialsReused, m => m.MaterialsProvided,
            "当期收件的办件中，由基础库、部门系统或电子证照提供（申请人同意后调取）的材料份数 ÷ 提交时提供的材料份数 × 100%",
            "Materials of the cases received that came from a registry, a department's system or an e-license (fetched with the applicant's agreement) ÷ materials provided at submission × 100%",
            "“一次不用跑、材料免提交” / once only; " + Ours, Milestone.Received),
        new("good-rate", "好评率", "Good ratings", Unit.Percent, m => m.Rated - m.RatedBad, m => m.Rated,
            "（非常满意 + 满意 + 基本满意）÷ 评价总数 × 100%", "(very satisfied + satisfied + fairly satisfied) ÷ all ratings × 100%",
            "国办发〔2019〕51号 五级评价，后两级为差评 / five levels, the last two bad", Milestone.Rated, Behind.RatedGood),
        new("bad-ratings", "差评数", "Bad ratings", Unit.Count, m => m.RatedBad, null,
            "评价为不满意或非常不满意的件数", "Ratings of dissatisfied or very dissatisfied", "国办发〔2019〕51号", Milestone.Rated, Behind.RatedBad),
        new("rectified-on-time-rate", "差评整改按时率", "Rectified on time", Unit.Percent, m => m.RectifiedOnTime, m => m.Rectified,
            "当期报告的差评整改中，在整改期限当日或之前报告的件数 ÷ 当期报告的整改件数 × 100%（申诉成立后重新整改的，以最后一次整改计）",
            "Rectifications of bad ratings reported in the period on or before their due date ÷ rectifications reported in the period × 100% (one reopened by an upheld appeal counts once, by its last round)",
            "国办发〔2019〕51号 差评须限期整改并反馈；比率为 " + Ours, Milestone.Rectified, Behind.RectifiedOnTime),
        new("appeals", "申诉量", "Appeals", Unit.Count, m => m.Appeals, null,
            "当期申请人对差评整改结果提出的申诉数", "Appeals the applicants lodged in the period against a rectification's outcome",
            "国办发〔2019〕51号 申诉复核; " + Ours, Milestone.Appealed),
        new("appeals-upheld", "申诉成立数", "Appeals upheld", Unit.Count, m => m.AppealsUpheld, null,
            "当期提出、经效能督查员裁决成立（重新整改）的申诉数，按申诉提出日计", "Appeals lodged in the period that an efficiency supervisor upheld (the rectification reopened), counted on the day lodged",
            Ours, Milestone.Appealed, Behind.AppealUpheld),
    ];

    private const string Wenzhou = "domain-facts-2 §4：温州公开代码的工作口径 / the working definition of Wenzhou's public code";

    /// <summary>The item-side indicators over the catalog's items in effect (not abolished), as of today.</summary>
    public static readonly IReadOnlyList<ItemIndicator> Items =
    [
        new("online-rate", "网上可办率", "Online-handling rate", Unit.Percent, i => i.OnlineDepth >= 3 ? 1 : 0, _ => 1,
            "网办深度为三级（网上申请）或四级（全程网办）的事项数 ÷ 事项数 × 100%",
            "Items of online depth 3 (applied for online) or 4 (fully online) ÷ items × 100%", Wenzhou, i => i.OnlineDepth >= 3),
        new("fully-online-rate", "全程网办率", "Fully-online rate", Unit.Percent, i => i.OnlineDepth >= 4 ? 1 : 0, _ => 1,
            "网办深度为四级（申请至取得结果全程在网上完成）的事项数 ÷ 事项数 × 100%",
            "Items of online depth 4 (application to result wholly online) ÷ items × 100%",
            "DB3311/T 153-2020 §3.2（引 GB/T 37277-2018 3.3）全程网办的含义；比率为 " + Ours, i => i.OnlineDepth >= 4),
        new("zero-trip-rate", "零跑动率", "Zero-trip rate", Unit.Percent, i => i.PromisedTrips == 0 ? 1 : 0, _ => 1,
            "承诺到场次数为 0 的事项数 ÷ 事项数 × 100%", "Items promising no visit ÷ items × 100%", Wenzhou + "（跑零次率）", i => i.PromisedTrips == 0),
        new("one-trip-rate", "最多跑一次率", "At-most-one-trip rate", Unit.Percent, i => i.PromisedTrips <= 1 ? 1 : 0, _ => 1,
            "承诺到场次数不超过 1 的事项数 ÷ 事项数 × 100%", "Items promising at most one visit ÷ items × 100%", Ours + "（最多跑一次）", i => i.PromisedTrips <= 1),
        new("statutory-limit", "平均法定时限", "Average statutory limit", Unit.WorkingDays, i => i.StatutoryLimitDays ?? 0, ItemIndicator.HasStatutory,
            "Σ 法定办结时限 ÷ 设有法定时限的事项数", "Σ statutory limits ÷ items with a statutory limit", Wenzhou, i => i.StatutoryLimitDays is > 0),
        new("promised-limit", "平均承诺时限", "Average promised limit", Unit.WorkingDays, i => i.StatutoryLimitDays is > 0 ? i.PromisedLimitDays : 0, ItemIndicator.HasStatutory,
            "Σ 承诺办结时限 ÷ 设有法定时限的事项数（与法定时限同一批事项）", "Σ promised limits ÷ items with a statutory limit (the same items)", Wenzhou,
            i => i.StatutoryLimitDays is > 0),
        new("compressed-days", "总压缩天数", "Working days compressed", Unit.WorkingDays, ItemIndicator.Compressed, null,
            "Σ max(0, 法定时限 − 承诺时限)，按工作日", "Σ max(0, statutory − promised limit), in working days", Wenzhou,
            i => ItemIndicator.Compressed(i) > 0),
        new("compression-rate", "平均压缩率", "Average compression", Unit.Percent, ItemIndicator.Compressed, i => i.StatutoryLimitDays is > 0 ? i.StatutoryLimitDays.Value : 0,
            "Σ max(0, 法定时限 − 承诺时限) ÷ Σ 法定时限 × 100%（无法定时限的事项不计）",
            "Σ max(0, statutory − promised) ÷ Σ statutory limits × 100% (items without a statutory limit not counted)",
            Wenzhou + "（承诺时限压缩比）", i => ItemIndicator.Compressed(i) > 0),
    ];

    private const string Library = "电子证照库自身的统计口径（Licenses README “Statistics”）/ the license library's own statistics";

    /// <summary>
    /// The license indicators, per issuing authority (the department) and month of the day they happened, read from the
    /// Licenses module's <see cref="Licenses.Contracts.ILicenseFigures"/> (never its tables).
    /// </summary>
    public static readonly IReadOnlyList<LicenseIndicator> Licenses =
    [
        new("license-issued", "证照签发量", "Licenses issued", f => f.Issued,
            "当期签发的电子证照数（手工签发、办件办结自动签发、换发），按签发日期", "Licenses issued in the period (by hand, from concluded cases, renewals), by the day issued", Library),
        new("license-imported", "历史证照入库量", "Historical licenses imported", f => f.Imported,
            "当期导入证照库的历史证照数，按入库日期", "Historical licenses imported into the library in the period, by the day imported", Library),
        new("license-verifications", "证照核验次数", "License verifications", f => f.Verifications,
            "当期对该部门所发证照的核验次数：部门系统接口核验、公众核验页面、持证人分享链接、办件中的证照核验", "Checks in the period of the department's licenses: department API, public verification page, the holder's share link, the check on a case", Library),
        new("license-uses", "证照其他用证次数", "Other license uses", f => f.Uses,
            "当期该部门所发证照的其他使用次数：作为申请材料引用、命令行导出、工作人员查阅", "Other uses in the period of the department's licenses: attached to an application, exported, read by staff", Library),
    ];

    /// <summary>
    /// The hall indicators, per hall and month of the ticket's or the appointment's day, read from the Halls module's
    /// <see cref="Halls.Contracts.IHallFigures"/> (never its tables).
    /// </summary>
    public static readonly IReadOnlyList<HallIndicator> Halls =
    [
        new("hall-tickets", "取号量", "Queue tickets taken", Unit.Tickets, f => f.Tickets, null,
            "当期在大厅取号机或网上取得的排队号数", "Queue tickets taken in the period, at the kiosk or online", Ours),
        new("hall-average-wait", "平均等候时长", "Average waiting time", Unit.Minutes, f => f.WaitingSeconds, f => f.TicketsCalled * 60,
            "Σ（首次叫号时刻 − 取号时刻）÷ 被叫号的排队号数，按分钟", "Σ (first call − ticket taken) ÷ tickets called, in minutes", Ours + "（未被叫号的排队号不计）"),
        new("appointments-kept-rate", "预约履约率", "Appointments kept", Unit.Percent, f => f.AppointmentsCheckedIn, f => f.AppointmentsDue,
            "已签到的预约数 ÷（已签到 + 时段已过仍未签到的预约数）× 100%，取消的预约不计",
            "Appointments checked in ÷ (checked in + still booked after their slot ended) × 100%; cancelled ones not counted", Ours),
    ];

    public static ItemIndicator? FindItem(string? code) => Items.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));

    public static Indicator? Find(string? code) => All.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.Ordinal));
}
