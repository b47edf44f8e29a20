using Tongban.Applications.Domain;
using Tongban.Kernel.Errors;
using static Tongban.Applications.Tests.CaseBuilder;

namespace Tongban.Applications.Tests;

/// <summary>Every handling step of a case and every refusal, as rules of the aggregate.</summary>
public sealed class CaseTests
{
    private static DomainError Refused(Action act, ErrorKind kind = ErrorKind.Conflict)
    {
        var error = Assert.Throws<DomainException>(act).Errors[0];
        Assert.Equal(kind, error.Kind);
        return error;
    }

    private static MaterialRef Uploaded(string key, string id) => new(key, id, MaterialSource.Upload, new MaterialFile($"{key}.pdf", "application/pdf", 10, "00"));

    [Fact]
    public void A_submitted_case_snapshots_the_item_and_starts_its_history()
    {
        var c = new CaseBuilder().WithSteps().Build();
        Assert.Equal((CaseStatus.Submitted, 3, 3), (c.Status, c.ItemVersion, c.Steps.Count));
        Assert.Equal("submitted", Assert.Single(c.History).Action);
        Assert.Equal(Tongban.Kernel.Security.Policies.WindowClerk, c.Queue);
    }

    [Fact]
    public void Submitting_without_a_required_material_names_it_but_a_tolerable_one_may_be_missing()
    {
        Assert.Equal(CaseStatus.Submitted, new CaseBuilder().WithoutPhoto().Build().Status); // the photo is tolerable
        var error = Refused(() => Case.Submit("N", "K", new ItemSnapshot("I", "n", 1, "D", "211221000000", 5, 1, [new("map", "平面图", true, false)], []),
            new Applicant(Guid.NewGuid(), "n", "m"), Channel.Online, new Dictionary<string, string>(), [], null, "a", At), ErrorKind.Invalid);
        Assert.Equal(("case.material_missing", "materials.map"), (error.Code, error.Field));
    }

    [Fact]
    public void Accepting_starts_the_limit_and_accepting_again_is_refused_naming_the_rule()
    {
        var c = new CaseBuilder().Accepted().Build();
        Assert.Equal((CaseStatus.InProcess, Day, new DateOnly(2026, 3, 9)), (c.Status, c.AcceptedOn, c.DueOn));
        Assert.Equal("case.accept_requires_submitted", Refused(() => c.Accept(Clerk, Day, Calendar, At)).Code);
    }

    [Fact]
    public void Only_a_window_clerk_accepts()
    {
        var c = new CaseBuilder().Build();
        Assert.Equal("case.step_role", Refused(() => c.Accept(Reviewer, Day, Calendar, At), ErrorKind.Forbidden).Code);
    }

    [Fact]
    public void Refusing_needs_a_reason_and_the_legal_notice_and_closes_the_case()
    {
        var c = new CaseBuilder().Build();
        var errors = Assert.Throws<DomainException>(() => c.Refuse(" ", "", Clerk, At)).Errors;
        Assert.Equal(["reason", "legal_notice"], errors.Select(e => e.Field));
        c.Refuse("不属于本机关职权范围", "如不服，可于六十日内申请行政复议", Clerk, At);
        Assert.Equal((CaseStatus.Refused, null), (c.Status, c.Queue));
        Assert.Equal("case.accept_requires_submitted", Refused(() => c.Accept(Clerk, Day, Calendar, At)).Code);
    }

    [Fact]
    public void A_correction_names_everything_at_once_and_resubmission_returns_the_case_to_pre_review()
    {
        var c = new CaseBuilder().Build();
        Assert.Equal("case.correction_items_required", Refused(() => c.RequestCorrection([], Clerk, Day, At), ErrorKind.Invalid).Code);
        c.RequestCorrection([new("photo", "照片模糊"), new("purpose", "事由不具体")], Clerk, Day, At);
        Assert.Equal((CaseStatus.AwaitingCorrection, Case.ApplicantQueue, 2), (c.Status, c.Queue, c.Corrections.Count));
        Assert.Empty(c.Stops); // before acceptance the limit has not started
        var missing = Refused(() => c.Resubmit(new Dictionary<string, string> { ["purpose"] = "新事由" }, "user:applicant", Day, Calendar, At), ErrorKind.Invalid);
        Assert.Equal(("case.correction_material_missing", "materials.photo"), (missing.Code, missing.Field)); // a material named in the notice comes first
        Assert.Equal("case.material_file_required", Refused(() => c.ProvideAwaited(new MaterialRef("photo", "typed"), "user:applicant", At), ErrorKind.Invalid).Code);
        Assert.Equal("case.material_not_awaited", Refused(() => c.ProvideAwaited(Uploaded("id-card", "file:1"), "user:applicant", At)).Code);
        Assert.Null(c.ProvideAwaited(Uploaded("photo", "file:2"), "user:applicant", At));
        Assert.Equal("file:2", c.ProvideAwaited(Uploaded("photo", "file:3"), "user:applicant", At)?.Reference); // the replaced one, so its file can go
        Assert.Equal(CaseStatus.AwaitingCorrection, c.Status);
        c.Resubmit(new Dictionary<string, string> { ["purpose"] = "新事由" }, "user:applicant", Day, Calendar, At);
        Assert.Equal((CaseStatus.Submitted, "新事由", "file:3"), (c.Status, c.Form["purpose"], c.Provided.Single(p => p.Key == "photo").Reference));
        Assert.Empty(c.Corrections);
        Assert.Equal("case.not_awaiting_correction", Refused(() => c.Resubmit(new Dictionary<string, string>(), "a", Day, Calendar, At)).Code);
    }

    [Fact]
    public void A_correction_during_handling_stops_the_clock_until_resubmission()
    {
        var c = new CaseBuilder().WithSteps().Accepted().Build();
        c.RequestCorrection([new("map", "缺少尺寸")], Reviewer, new DateOnly(2026, 3, 3), At);
        Assert.True(c.DeadlineOn(new DateOnly(2026, 3, 5), Calendar, 0.2m).ClockStopped);
        Assert.Equal("case.complete_step_requires_in_process", Refused(() => c.CompleteStep("ok", Reviewer, At)).Code);
        c.Resubmit(new Dictionary<string, string>(), "user:applicant", new DateOnly(2026, 3, 6), Calendar, At);
        Assert.Equal(CaseStatus.InProcess, c.Status);
        Assert.Equal(new DateOnly(2026, 3, 12), c.DueOn); // 3 working days (4th–6th) added back to the 9th
    }

    [Fact]
    public void Only_materials_the_item_flags_tolerable_may_be_deferred_and_conclusion_waits_for_them()
    {
        var refused = new CaseBuilder().WithoutPhoto().Build();
        Assert.False(refused.AwaitingDeferred);
        Assert.Equal("case.deferred_not_tolerable", Refused(() => refused.AcceptWithDeferred(["id-card"], Day.AddDays(5), Clerk, Day, Calendar, At)).Code);
        Assert.Equal("case.deferred_date", Refused(() => refused.AcceptWithDeferred(["photo"], Day, Clerk, Day, Calendar, At), ErrorKind.Invalid).Code);

        var c = new CaseBuilder().WithoutPhoto().Then(x => x.AcceptWithDeferred(["photo"], Day.AddDays(5), Clerk, Day, Calendar, At))
            .Then(x => x.Decide(Outcome.Approved, "同意", Approver, At)).Build();
        Assert.Equal("accepted_with_deferred", c.History[1].Action);
        Assert.True(c.AwaitingDeferred); // still awaited after the decision: the reminder job reads it
        Assert.Equal("case.deferred_outstanding", Refused(() => c.Conclude(Delivery.Electronic, null, Clerk, Day, At)).Code);
        Assert.Equal("case.material_file_required", Refused(() => c.ProvideAwaited(new MaterialRef("photo", "a reference typed"), "user:applicant", At), ErrorKind.Invalid).Code);
        c.ProvideAwaited(Uploaded("photo", "file:photo"), "user:applicant", At);
        Assert.False(c.AwaitingDeferred);
        Assert.Equal("case.material_not_awaited", Refused(() => c.ProvideAwaited(Uploaded("photo", "file:again"), "user:applicant", At)).Code);
        c.Conclude(Delivery.Electronic, null, Clerk, Day, At);
        Assert.Equal(CaseStatus.Concluded, c.Status);
    }

    [Fact]
    public void Process_steps_go_in_order_each_by_a_holder_of_its_role_with_an_opinion()
    {
        var c = new CaseBuilder().WithSteps().Accepted().Build();
        Assert.Equal(Tongban.Kernel.Security.Policies.Reviewer, c.Queue);
        Assert.Equal("case.step_role", Refused(() => c.CompleteStep("同意", Leader, At), ErrorKind.Forbidden).Code);
        Assert.Equal("case.opinion_required", Refused(() => c.CompleteStep(" ", Reviewer, At), ErrorKind.Invalid).Code);
        Assert.Equal("case.steps_remaining", Refused(() => c.Decide(Outcome.Approved, "同意", Approver, At)).Code);
        c.CompleteStep("材料齐全", Reviewer, At);
        c.CompleteStep("同意", Leader, At);
        Assert.Equal(Tongban.Kernel.Security.Policies.Approver, c.Queue);
        Assert.Equal("case.step_is_decision", Refused(() => c.CompleteStep("x", Approver, At)).Code);
        Assert.Equal("case.step_role", Refused(() => c.Decide(Outcome.Approved, "同意", Leader, At), ErrorKind.Forbidden).Code);
        c.Decide(Outcome.Denied, "不符合第三条", Approver, At);
        Assert.Equal((CaseStatus.Decided, Outcome.Denied), (c.Status, c.Outcome));
        Assert.Equal(["submitted", "accepted", "step:review", "step:sign-off", "denied"], c.History.Select(h => h.Action));
        Assert.Equal("材料齐全", c.History[2].Opinion);
    }

    [Fact]
    public void A_special_procedure_stops_the_clock_and_nothing_is_decided_until_it_restarts()
    {
        var c = new CaseBuilder().Accepted().Build();
        Assert.Equal("case.clock_not_stopped", Refused(() => c.RestartClock(Approver, Day, Calendar, At)).Code);
        Assert.Equal("case.stop_reason_required", Refused(() => c.StopClock(StopKind.Hearing, "", Approver, Day, At), ErrorKind.Invalid).Code);
        c.StopClock(StopKind.Inspection, "现场勘查", Approver, Day, At);
        Assert.Equal("case.clock_stopped", Refused(() => c.StopClock(StopKind.Hearing, "听证", Approver, Day, At)).Code);
        Assert.Equal("case.clock_stopped", Refused(() => c.Decide(Outcome.Approved, "同意", Approver, At)).Code);
        c.RestartClock(Approver, new DateOnly(2026, 3, 4), Calendar, At);
        Assert.Equal(new DateOnly(2026, 3, 11), c.DueOn);
        c.Decide(Outcome.Approved, "同意", Approver, At);
    }

    [Fact]
    public void Concluding_needs_a_decision_and_a_tracking_number_for_mail_and_a_window_collection_is_a_trip()
    {
        Assert.Equal("case.conclude_requires_decision", Refused(() => new CaseBuilder().Accepted().Build().Conclude(Delivery.Window, null, Clerk, Day, At)).Code);
        var mailed = new CaseBuilder().Decided().Build();
        Assert.Equal("case.tracking_required", Refused(() => mailed.Conclude(Delivery.Mail, " ", Clerk, Day, At), ErrorKind.Invalid).Code);
        mailed.Conclude(Delivery.Mail, "SF1234567890", Clerk, Day, At);
        Assert.Equal(("SF1234567890", 0), (mailed.TrackingNumber, mailed.Trips.Count));
        Assert.Equal("case.accept_requires_submitted", Refused(() => mailed.Accept(Clerk, Day, Calendar, At)).Code);

        var collected = new CaseBuilder().Decided().Build();
        collected.RecordTrip("窗口3", "补充原件", Clerk, At);
        collected.Conclude(Delivery.Window, null, Clerk, Day, At);
        Assert.Equal((2, 1, true), (collected.Trips.Count, collected.PromisedTrips, collected.TripsOverPromise));
    }
}
