using Tongban.Applications.Domain;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Ratings;
using Tongban.Kernel.Security;
using static Tongban.Applications.Tests.CaseBuilder;

namespace Tongban.Applications.Tests;

/// <summary>好差评 and rectification as rules of the rating aggregate.</summary>
public sealed class RatingTests
{
    private static readonly StaffMember Supervisor = new("user:supervisor", new HashSet<string> { Policies.EfficiencySupervisor });

    private static Case Concluded() => new CaseBuilder().Decided().Then(c => c.Conclude(Delivery.Electronic, null, Clerk, Day, At)).Build();

    private static Rating Bad() => Rating.Rate(Concluded(), RatingLevel.VeryDissatisfied, ["efficiency"], "太慢", Day, Calendar, 5, At);

    private static DomainError Refused(Action act, ErrorKind kind = ErrorKind.Conflict)
    {
        var error = Assert.Throws<DomainException>(act).Errors[0];
        Assert.Equal(kind, error.Kind);
        return error;
    }

    [Fact]
    public void A_case_is_rated_only_once_it_is_concluded()
    {
        var decided = new CaseBuilder().Decided().Build();
        Assert.Equal("rating.requires_conclusion", Refused(() => Rating.Rate(decided, RatingLevel.Satisfied, ["attitude"], null, Day, Calendar, 5, At)).Code);
    }

    [Fact]
    public void A_good_rating_opens_no_rectification_and_indicators_come_from_the_fixed_list()
    {
        var good = Rating.Rate(Concluded(), RatingLevel.Fair, ["attitude", "once"], "  ", Day, Calendar, 5, At);
        Assert.Equal((false, (RectificationStatus?)null, (string?)null), (good.IsBad, good.Rectification, good.Comment));
        Assert.Equal("rating.indicator_unknown", Refused(() => Rating.Rate(Concluded(), RatingLevel.Satisfied, ["speed"], null, Day, Calendar, 5, At), ErrorKind.Invalid).Code);
        Assert.Equal("rating.indicators_required", Refused(() => Rating.Rate(Concluded(), RatingLevel.Satisfied, [], null, Day, Calendar, 5, At), ErrorKind.Invalid).Code);
        Assert.Equal("rating.comment_too_long", Refused(() => Rating.Rate(Concluded(), RatingLevel.Satisfied, ["once"], new string('慢', 501), Day, Calendar, 5, At), ErrorKind.Invalid).Code);
    }

    [Theory]
    [InlineData(2)] // 不满意
    [InlineData(1)] // 非常不满意
    public void A_bad_rating_opens_a_rectification_due_in_working_days(int level)
    {
        var rating = Rating.Rate(Concluded(), (RatingLevel)level, ["efficiency"], null, Day, Calendar, 5, At);
        // Monday 2 March 2026 + 5 working days = Monday 9 March.
        Assert.Equal((RectificationStatus.Open, new DateOnly(2026, 3, 9)), (rating.Rectification, rating.RectificationDueOn));
        Assert.False(rating.OverdueOn(new DateOnly(2026, 3, 9)));
        Assert.True(rating.OverdueOn(new DateOnly(2026, 3, 10)));
    }

    [Fact]
    public void The_report_needs_a_call_back_first_and_closes_the_open_rectification()
    {
        var rating = Bad();
        Assert.Equal("rating.callback_required", Refused(() => rating.ReportRectification("已改进", "user:dept", At)).Code);
        Assert.Equal("rating.callback_outcome_required", Refused(() => rating.RecordCallBack(" ", "user:dept", At), ErrorKind.Invalid).Code);
        rating.RecordCallBack("已电话致歉，申请人理解", "user:dept", At);
        rating.ReportRectification("已调整窗口排班", "user:dept", At);
        Assert.Equal((RectificationStatus.Reported, "user:dept"), (rating.Rectification, rating.ReportedBy));
        Assert.False(rating.OverdueOn(new DateOnly(2026, 4, 1)));
        Assert.Equal("rating.rectification_not_open", Refused(() => rating.RecordCallBack("再次回访", "user:dept", At)).Code);
    }

    [Fact]
    public void An_appeal_waits_for_the_report_is_allowed_once_and_an_upheld_one_reopens_the_rectification()
    {
        var rating = Bad();
        Assert.Equal("rating.appeal_requires_report", Refused(() => rating.Appeal("不认可", At)).Code);
        rating.RecordCallBack("已回访", "user:dept", At);
        rating.ReportRectification("已整改", "user:dept", At);
        Assert.Equal("rating.appeal_reason_required", Refused(() => rating.Appeal("", At), ErrorKind.Invalid).Code);
        rating.Appeal("问题依旧", At);
        Assert.Equal("rating.already_appealed", Refused(() => rating.Appeal("再申诉", At)).Code);
        Assert.Equal("rating.supervisor_only", Refused(() => rating.DecideAppeal(true, "成立", Clerk, Day, Calendar, 5), ErrorKind.Forbidden).Code);
        rating.DecideAppeal(true, "申诉成立", Supervisor, new DateOnly(2026, 3, 16), Calendar, 5);
        Assert.Equal((RectificationStatus.Open, new DateOnly(2026, 3, 23), true), (rating.Rectification, rating.RectificationDueOn, rating.AppealUpheld));
        rating.ReportRectification("再次整改", "user:dept", At); // the earlier call-back still stands
        Assert.Equal("rating.already_appealed", Refused(() => rating.Appeal("还是不行", At)).Code);
    }

    [Fact]
    public void A_rejected_appeal_closes_the_rectification()
    {
        var rating = Bad();
        rating.RecordCallBack("已回访", "user:dept", At);
        rating.ReportRectification("已整改", "user:dept", At);
        Assert.Equal("rating.no_appeal", Refused(() => rating.DecideAppeal(false, "x", Supervisor, Day, Calendar, 5)).Code);
        rating.Appeal("不认可", At);
        rating.DecideAppeal(false, "整改到位", Supervisor, Day, Calendar, 5);
        Assert.Equal((RectificationStatus.Closed, false, "user:supervisor"), (rating.Rectification, rating.AppealUpheld, rating.AppealDecidedBy));
    }
}
