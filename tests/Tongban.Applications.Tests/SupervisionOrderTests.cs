using Tongban.Applications.Domain;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using static Tongban.Applications.Tests.CaseBuilder;

namespace Tongban.Applications.Tests;

/// <summary>督办 as rules of the supervision order.</summary>
public sealed class SupervisionOrderTests
{
    private static readonly StaffMember Supervisor = new("user:supervisor", new HashSet<string> { Policies.EfficiencySupervisor });

    [Fact]
    public void Only_a_supervisor_issues_an_order_and_only_on_a_case_still_open()
    {
        var open = new CaseBuilder().Accepted().Build();
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<DomainException>(() => SupervisionOrder.Issue(open, "加快", Day.AddDays(3), Clerk, Day, At)).Errors[0].Kind);
        var concluded = new CaseBuilder().Decided().Then(c => c.Conclude(Delivery.Electronic, null, Clerk, Day, At)).Build();
        Assert.Equal("supervision.case_closed", Assert.Throws<DomainException>(() => SupervisionOrder.Issue(concluded, "加快", Day.AddDays(3), Supervisor, Day, At)).Errors[0].Code);
        Assert.Equal("supervision.requirement_required", Assert.Throws<DomainException>(() => SupervisionOrder.Issue(open, " ", Day.AddDays(3), Supervisor, Day, At)).Errors[0].Code);
    }

    [Fact]
    public void An_order_is_late_only_while_unanswered_after_its_date()
    {
        var order = SupervisionOrder.Issue(new CaseBuilder().Accepted().Build(), "说明原因", Day.AddDays(3), Supervisor, Day, At);
        Assert.False(order.OverdueOn(Day.AddDays(3)));
        Assert.True(order.OverdueOn(Day.AddDays(4)));
        order.Respond("已说明", "user:dept", At);
        Assert.False(order.OverdueOn(Day.AddDays(4)));
        Assert.Equal("supervision.already_answered", Assert.Throws<DomainException>(() => order.Respond("again", "user:dept", At)).Errors[0].Code);
    }
}
