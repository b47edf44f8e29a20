using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Data;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>The rating form on the applicant's case page and /admin/ratings, as plain forms without JavaScript.</summary>
public sealed class RatingPageTests(ApplicationsApps apps)
{
    [Theory]
    [DatabaseLanes]
    public async Task The_applicant_rates_from_the_case_page_and_staff_see_the_overdue_rectification_in_red_then_call_back_and_report(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var number = await citizen.Client.ApplyAsync();
        var page = $"/my/cases/{number}";
        Assert.DoesNotContain("handler=Rate", await citizen.Client.GetStringAsync(page), StringComparison.Ordinal); // not concluded yet
        await RatingHttpTests.ConcludeAsync(app, number);
        Assert.Contains("name=\"Rate.Indicators\"", await citizen.Client.GetStringAsync(page), StringComparison.Ordinal);

        using var missing = await citizen.Client.PostFormAsync(page, $"{page}?handler=Rate", ("Rate.Level", "Dissatisfied"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("请至少选择一项评价指标", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        using var rated = await citizen.Client.PostFormAsync(page, $"{page}?handler=Rate", ("Rate.Level", "Dissatisfied"), ("Rate.Indicators", "efficiency"), ("Rate.Indicators", "once"), ("Rate.Comment", "跑了两次"));
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        var mine = WebUtility.HtmlDecode(await citizen.Client.GetStringAsync(page));
        Assert.Contains("不满意", mine, StringComparison.Ordinal);
        Assert.Contains("办事效率、一次办成", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Rate", mine, StringComparison.Ordinal);
        using var again = await citizen.Client.PostFormAsync(page, $"{page}?handler=Rate", ("Rate.Level", "VerySatisfied"), ("Rate.Indicators", "once"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            // The rectification's deadline has passed: move it into the past, as time would.
            var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
            var rating = await db.Ratings.SingleAsync(r => r.CaseNumber == number, TestContext.Current.CancellationToken);
            db.Entry(rating).Property(r => r.RectificationDueOn).CurrentValue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var staff = await app.SignInAsync("整改页面", RatingHttpTests.Department, Policies.WindowClerk);
        var list = WebUtility.HtmlDecode(await staff.GetStringAsync("/admin/ratings?Rectifications=true"));
        Assert.Contains(number, list, StringComparison.Ordinal);
        Assert.Contains("status-closed\">整改中（已超期）", list, StringComparison.Ordinal);

        var id = System.Text.RegularExpressions.Regex.Match(list, $"/admin/ratings/([0-9a-f-]{{36}})\">{number}").Groups[1].Value;
        var detail = $"/admin/ratings/{id}";
        using var called = await staff.PostFormAsync(detail, $"{detail}?act=call-back", ("Input.Outcome", "已上门回访"));
        Assert.Equal(HttpStatusCode.Redirect, called.StatusCode);
        using var reported = await staff.PostFormAsync(detail, $"{detail}?act=report", ("Input.Report", "已优化流程"));
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        Assert.Contains("已优化流程", WebUtility.HtmlDecode(await staff.GetStringAsync(detail)), StringComparison.Ordinal);

        using var appealed = await citizen.Client.PostFormAsync(page, $"{page}?handler=Appeal", ("Reason", "仍未解决"));
        Assert.Equal(HttpStatusCode.Redirect, appealed.StatusCode);
        Assert.Contains("仍未解决", WebUtility.HtmlDecode(await citizen.Client.GetStringAsync(page)), StringComparison.Ordinal);
    }
}
