using Tongban.Applications.Domain;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>撤回: the applicant takes an undecided application back, and nothing runs on it afterwards.</summary>
public sealed class CaseWithdrawalTests
{
    private static readonly StaffMember Supervisor = new("user:supervisor", new HashSet<string> { Policies.EfficiencySupervisor });

    [Fact]
    public void Withdrawing_during_a_special_procedure_closes_the_case_ends_the_stop_and_leaves_nothing_awaited()
    {
        var @case = new CaseBuilder().WithoutPhoto()
            .Then(c => c.AcceptWithDeferred(["photo"], CaseBuilder.Day.AddDays(10), CaseBuilder.Clerk, CaseBuilder.Day, CaseBuilder.Calendar, CaseBuilder.At))
            .Then(c => c.StopClock(StopKind.Hearing, "听证", CaseBuilder.Approver, CaseBuilder.Day.AddDays(1), CaseBuilder.At))
            .Then(c => c.Withdraw("  已在外地办理  ", "user:applicant", CaseBuilder.Day.AddDays(3), CaseBuilder.At.AddDays(3)))
            .Build();

        Assert.Equal((CaseStatus.Withdrawn, (string?)null, false), (@case.Status, @case.Queue, @case.AwaitingDeferred));
        Assert.True(@case.IsClosed);
        Assert.Equal(CaseBuilder.Day.AddDays(3), @case.Stops.Single().To);
        Assert.Empty(@case.OutstandingDeferred);
        Assert.Equal(("withdrawn", "已在外地办理", "user:applicant"), (@case.History[^1].Action, @case.History[^1].Opinion, @case.History[^1].Actor));
        var progress = CaseProgress.Of(@case, CaseBuilder.Day.AddDays(3));
        Assert.Equal("无（已撤回）", progress.WhoZh);
        Assert.StartsWith("2026-03-05 已由申请人撤回", progress.NextZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Withdrawing_while_a_correction_is_awaited_stops_awaiting_the_materials_it_names()
    {
        var @case = new CaseBuilder()
            .Then(c => c.RequestCorrection([new CorrectionItem("photo", "不清晰")], CaseBuilder.Clerk, CaseBuilder.Day, CaseBuilder.At))
            .Then(c => c.Withdraw("不再需要", "user:applicant", CaseBuilder.Day, CaseBuilder.At))
            .Build();

        Assert.Equal("case.material_not_awaited", Code(() => @case.RequireAwaited("photo")));
        Assert.Equal("case.not_awaiting_correction", Code(() => @case.Resubmit(new Dictionary<string, string>(), "user:applicant", CaseBuilder.Day, CaseBuilder.Calendar, CaseBuilder.At)));
    }

    [Fact]
    public void A_decided_case_cannot_be_withdrawn_and_a_withdrawal_needs_a_reason_of_at_most_500_characters()
    {
        var decided = new CaseBuilder().Decided().Build();
        Assert.False(decided.MayBeWithdrawn);
        Assert.Equal("case.withdraw_not_allowed", Code(() => decided.Withdraw("不要了", "user:applicant", CaseBuilder.Day, CaseBuilder.At)));

        var submitted = new CaseBuilder().Build();
        Assert.Equal("case.withdraw_reason", Code(() => submitted.Withdraw(" ", "user:applicant", CaseBuilder.Day, CaseBuilder.At)));
        Assert.Equal("case.withdraw_reason", Code(() => submitted.Withdraw(new string('长', 501), "user:applicant", CaseBuilder.Day, CaseBuilder.At)));
        Assert.Equal(CaseStatus.Submitted, submitted.Status);
        Assert.Single(submitted.History);
    }

    [Fact]
    public void A_withdrawn_case_can_be_neither_handled_withdrawn_again_nor_supervised()
    {
        var @case = new CaseBuilder().Then(c => c.Withdraw("不再需要", "user:applicant", CaseBuilder.Day, CaseBuilder.At)).Build();

        Assert.Equal("case.accept_requires_submitted", Code(() => @case.Accept(CaseBuilder.Clerk, CaseBuilder.Day, CaseBuilder.Calendar, CaseBuilder.At)));
        Assert.Equal("case.correction_not_allowed", Code(() => @case.RequestCorrection([new CorrectionItem("photo", "x")], CaseBuilder.Clerk, CaseBuilder.Day, CaseBuilder.At)));
        Assert.Equal("case.withdraw_not_allowed", Code(() => @case.Withdraw("再撤", "user:applicant", CaseBuilder.Day, CaseBuilder.At)));
        Assert.Equal("supervision.case_closed", Code(() => SupervisionOrder.Issue(@case, "请说明", CaseBuilder.Day.AddDays(5), Supervisor, CaseBuilder.Day, CaseBuilder.At)));
    }

    private static string Code(Action act) => Assert.Throws<DomainException>(act).Errors[0].Code;
}
