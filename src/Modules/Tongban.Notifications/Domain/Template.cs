using Tongban.Applications.Contracts;

namespace Tongban.Notifications.Domain;

/// <summary>
/// A notification template (通知模板) of one event and channel, in both languages, Chinese first. The defaults live in
/// code (<see cref="Default"/>); a row exists only once a system administrator edited one, and removing it restores the default.
/// </summary>
internal sealed class Template
{
    private Template() { }

    public string Event { get; private set; } = "";
    public string Channel { get; private set; } = "";
    public string Chinese { get; private set; } = "";
    public string English { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";

    public static Template Write(string @event, string channel, string chinese, string english, string by, DateTimeOffset at)
    {
        var template = new Template { Event = @event, Channel = channel };
        template.Edit(chinese, english, by, at);
        return template;
    }

    public void Edit(string chinese, string english, string by, DateTimeOffset at)
    {
        TemplateText.Check(chinese, english);
        (Chinese, English, UpdatedBy, UpdatedAt) = (chinese.Trim(), english.Trim(), by, at);
    }

    /// <summary>The text shipped for an event, the same on every channel.</summary>
    public static (string Chinese, string English) Default(string @event) => @event switch
    {
        ApplicantNoticeKinds.Submitted => ("您申请的“{item}”已提交，办件编号{number}，请等待受理。", "Your application for {item} was submitted as case {number}; it awaits acceptance."),
        ApplicantNoticeKinds.Accepted => ("办件{number}（{item}）已受理，承诺{date}前办结。", "Case {number} ({item}) was accepted; it is due by {date}."),
        ApplicantNoticeKinds.AcceptedWithDeferred => ("办件{number}（{item}）已容缺受理，请于{date}前补交容缺材料，补齐后方可办结。",
            "Case {number} ({item}) was accepted with deferred materials; supply them by {date}, the case cannot be concluded before."),
        ApplicantNoticeKinds.Refused => ("办件{number}（{item}）不予受理，请查看告知书。", "Case {number} ({item}) was refused; see the notice for the reasons."),
        ApplicantNoticeKinds.CorrectionRequested => ("办件{number}（{item}）需要补正材料，请按一次性告知补正后重新提交。",
            "Case {number} ({item}) needs corrections; correct what the notice lists and resubmit."),
        ApplicantNoticeKinds.Decided => ("办件{number}（{item}）已作出审批决定。", "A decision was made on case {number} ({item})."),
        ApplicantNoticeKinds.Concluded => ("办件{number}（{item}）已办结，欢迎评价。", "Case {number} ({item}) is concluded; please rate it."),
        ApplicantNoticeKinds.DeferredReminder => ("提醒：办件{number}的容缺材料“{material}”请于{date}前补交。",
            "Reminder: supply the deferred material {material} of case {number} by {date}."),
        ApplicantNoticeKinds.DeferredOverdue => ("办件{number}的容缺材料“{material}”已超过承诺日期{date}，请尽快补交。",
            "The deferred material {material} of case {number} is overdue since {date}; supply it as soon as you can."),
        _ => ("办件{number}（{item}）有新进展。", "There is news on case {number} ({item})."),
    };
}
