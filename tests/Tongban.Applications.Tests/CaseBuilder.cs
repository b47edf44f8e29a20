using Tongban.Applications.Domain;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>Cases in a given state for domain tests: <c>new CaseBuilder().WithSteps().Accepted().Build()</c>.</summary>
internal sealed class CaseBuilder
{
    public static readonly WorkingDayCalendar Calendar =
        new(ShippedCalendars.Load().SelectMany(y => y.Days()).Select(d => (d.Date, d.Kind)));

    public static readonly StaffMember Clerk = new("user:clerk", new HashSet<string> { Policies.WindowClerk });
    public static readonly StaffMember Reviewer = new("user:reviewer", new HashSet<string> { Policies.Reviewer });
    public static readonly StaffMember Leader = new("user:leader", new HashSet<string> { Policies.Leader });
    public static readonly StaffMember Approver = new("user:approver", new HashSet<string> { Policies.Approver });

    public static readonly DateOnly Day = new(2026, 3, 2);
    public static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    private readonly List<Action<Case>> _steps = [];
    private List<CaseStep> _process = [];
    private List<MaterialRef> _provided = [new("id-card", "file:1"), new("photo", "file:2")];

    public CaseBuilder WithSteps()
    {
        _process = [new("review", "审查", "Review", Policies.Reviewer), new("sign-off", "签批", "Sign-off", Policies.Leader), new("decide", "决定", "Decision", Policies.Approver)];
        return this;
    }

    public CaseBuilder WithoutPhoto()
    {
        _provided = [new("id-card", "file:1")];
        return this;
    }

    public CaseBuilder Accepted() => Then(c => c.Accept(Clerk, Day, Calendar, At));

    public CaseBuilder Decided() => Accepted().Then(c => c.Decide(Outcome.Approved, "符合条件", Approver, At));

    public CaseBuilder Then(Action<Case> step)
    {
        _steps.Add(step);
        return this;
    }

    public Case Build()
    {
        var item = new ItemSnapshot("ITEM-1", "测试事项", 3, "DEPT", "211221000000", 5, 1,
            [new("id-card", "身份证", true, false), new("photo", "照片", true, true)], _process);
        var @case = Case.Submit("211221-20260302-00001", Guid.NewGuid().ToString(), item,
            new Applicant(Guid.NewGuid(), "张三", "211221********1234"), Channel.Online, new Dictionary<string, string> { ["purpose"] = "x" }, _provided, null, "user:applicant", At);
        foreach (var step in _steps) step(@case);
        return @case;
    }
}
