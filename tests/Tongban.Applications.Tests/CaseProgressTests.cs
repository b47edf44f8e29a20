using Tongban.Applications.Domain;

namespace Tongban.Applications.Tests;

/// <summary>Whose turn it is and what comes next, at each state of a case with three steps.</summary>
public sealed class CaseProgressTests
{
    [Fact]
    public void Each_state_names_whose_turn_it_is_and_the_step_after_the_current_one()
    {
        Assert.Equal("窗口工作人员", CaseProgress.Of(new CaseBuilder().WithSteps().Build(), null).WhoZh);

        var accepted = CaseProgress.Of(new CaseBuilder().WithSteps().Accepted().Build(), null);
        Assert.Equal(("审查人员", "审查，之后：签批"), (accepted.WhoZh, accepted.NextZh));
        Assert.False(accepted.Closed);

        var signOff = CaseProgress.Of(new CaseBuilder().WithSteps().Accepted().Then(c => c.CompleteStep("同意", CaseBuilder.Reviewer, CaseBuilder.At)).Build(), null);
        Assert.Equal(("领导", "签批，之后：决定"), (signOff.WhoZh, signOff.NextZh));

        var decided = CaseProgress.Of(new CaseBuilder().Decided().Build(), null);
        Assert.Equal(("窗口工作人员", "送达准予许可的结果并办结"), (decided.WhoZh, decided.NextZh));

        var deferred = CaseProgress.Of(new CaseBuilder().WithoutPhoto()
            .Then(c => c.AcceptWithDeferred(["photo"], CaseBuilder.Day.AddDays(10), CaseBuilder.Clerk, CaseBuilder.Day, CaseBuilder.Calendar, CaseBuilder.At)).Build(), null);
        Assert.EndsWith("另请您按承诺补交容缺材料", deferred.NextZh, StringComparison.Ordinal);
    }

    [Fact]
    public void A_concluded_case_says_when_and_how_it_ended_and_nobody_has_a_turn()
    {
        var @case = new CaseBuilder().Decided().Then(c => c.Conclude(Delivery.Electronic, null, CaseBuilder.Clerk, CaseBuilder.Day.AddDays(3), CaseBuilder.At)).Build();
        var progress = CaseProgress.Of(@case, @case.ConcludedOn);
        Assert.True(progress.Closed);
        Assert.Equal("无（已办结）", progress.WhoZh);
        Assert.StartsWith("已办结（2026-03-05，准予许可）", progress.NextZh, StringComparison.Ordinal);
    }
}
