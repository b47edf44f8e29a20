using System.Text.Json.Nodes;
using Tongban.Applications.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;

namespace Tongban.Federation.Kinds;

/// <summary>
/// A case (办件) in the GB/T 39046-2020 shape, built up from the notices Applications publishes at each step: the
/// application (办事申请), the acceptance (事项受理) with its promised date, the steps (事项办理) and the conclusion
/// (事项办结). The applicant goes up masked (name and ID number), as the national rules ask. Steps are merged by
/// action and time, so a notice delivered twice or late leaves the same payload.
/// </summary>
internal sealed class CaseKind(RegionClock clock, IAccountDirectory accounts) : UpwardKind
{
    public const string Kind = "case";

    public override string Code => Kind;

    public override async Task<UpwardChange?> ReadAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var notice = message.Read<CaseChangedForApplicant>();
        if (notice.Kind is ApplicantNoticeKinds.DeferredReminder or ApplicantNoticeKinds.DeferredOverdue) return null;
        var applicant = notice.Kind == ApplicantNoticeKinds.Submitted ? await accounts.FindAsync(notice.ApplicantAccountId, cancellationToken) : null;
        var at = NationalCodes.Time(clock.Local(notice.OccurredAt));
        return new UpwardChange(notice.CaseNumber, clock.DateAt(notice.OccurredAt), notice.ItemCode, current =>
        {
            var record = current is null ? new JsonObject() : (JsonObject)current.DeepClone();
            record["caseNumber"] = notice.CaseNumber;
            record["implementationCode"] = notice.ItemCode ?? record["implementationCode"]?.GetValue<string>();
            record["itemName"] = notice.ItemName;
            if (notice.DivisionCode is not null) record["divisionCode"] = notice.DivisionCode;
            if (notice.DepartmentCreditCode is not null) record["acceptingUnitCreditCode"] = notice.DepartmentCreditCode;
            if (notice.Channel is not null && NationalCodes.Source.TryGetValue(notice.Channel, out var source)) record["sourceCode"] = source;
            Apply(record, notice, at, applicant);
            AddStep(record, notice.Kind, at);
            record["statusCode"] = Status((JsonArray)record["steps"]!);
            return record;
        });
    }

    private static void Apply(JsonObject record, CaseChangedForApplicant notice, string at, AccountInfo? applicant)
    {
        switch (notice.Kind)
        {
            case ApplicantNoticeKinds.Submitted:
                record["applyTime"] = at;
                if (applicant is not null) record["applicant"] = Applicant(applicant);
                break;
            case ApplicantNoticeKinds.Accepted or ApplicantNoticeKinds.AcceptedWithDeferred:
                record["acceptTime"] = at;
                record["caseTypeCode"] = notice.DueOn is null ? NationalCodes.OtherCase : NationalCodes.PromisedCase;
                if (notice.DueOn is { } due) record["promisedEndTime"] = NationalCodes.Date(due) + "235959";
                break;
            case ApplicantNoticeKinds.Refused or ApplicantNoticeKinds.Concluded:
                record["endTime"] = at;
                record["result"] = notice.Kind == ApplicantNoticeKinds.Refused ? "refused" : "concluded";
                break;
        }
    }

    private static JsonObject Applicant(AccountInfo applicant) => new()
    {
        ["name"] = MaskName(applicant.DisplayName),
        ["idTypeCode"] = NationalCodes.ResidentIdCard,
        ["idNumber"] = applicant.MaskedIdNumber,
    };

    /// <summary>The surname stays, the rest is starred (刘淑珍 → 刘**).</summary>
    internal static string MaskName(string name) => name.Length <= 1 ? name : Kernel.PersonalData.PersonNames.Mask(name);

    private static void AddStep(JsonObject record, string action, string at)
    {
        // Replaced in place, so that a merge keeps the fields' order and a repeated event gives the very same payload.
        var steps = record["steps"] as JsonArray ?? [];
        var all = steps.Select(s => (Action: s!["action"]!.GetValue<string>(), Time: s["time"]!.GetValue<string>())).Append((Action: action, Time: at))
            .Distinct().OrderBy(s => s.Time, StringComparer.Ordinal).ThenBy(s => s.Action, StringComparer.Ordinal);
        record["steps"] = new JsonArray([.. all.Select(s => (JsonNode)new JsonObject { ["action"] = s.Action, ["time"] = s.Time })]);
    }

    private static string Status(JsonArray steps)
    {
        var actions = steps.Select(s => s!["action"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        if (actions.Contains(ApplicantNoticeKinds.Concluded) || actions.Contains(ApplicantNoticeKinds.Refused)) return NationalCodes.Finished;
        return actions.Contains(ApplicantNoticeKinds.Accepted) || actions.Contains(ApplicantNoticeKinds.AcceptedWithDeferred)
            ? NationalCodes.InHand : NationalCodes.Waiting;
    }
}
