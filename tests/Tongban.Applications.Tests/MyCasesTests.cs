using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>My cases: every one of them reachable in keyset pages, and each case saying where it stands in plain words.</summary>
public sealed class MyCasesTests(ApplicationsApps apps)
{
    private static readonly StaffScope Department = new(TestCatalog.Department, null, []);

    [Theory]
    [DatabaseLanes]
    public async Task A_citizen_with_105_cases_pages_through_all_of_them_newest_first_on_the_API_and_the_page(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var expected = await SeedCasesAsync(app, citizen.AccountId, 105);

        var seen = new List<string>();
        var pages = new List<int>();
        string? after = null;
        do
        {
            var page = await (await citizen.Client.GetAsync("/api/applications/my/cases" + (after is null ? "" : $"?after={Uri.EscapeDataString(after)}"))).JsonAsync();
            var rows = page.GetProperty("cases").EnumerateArray().Select(r => r.GetProperty("number").GetString()!).ToList();
            (seen, after) = ([.. seen, .. rows], page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString());
            pages.Add(rows.Count);
        }
        while (after is not null);
        Assert.Equal([50, 50, 5], pages);
        Assert.Equal(expected, seen); // each once, newest first; cases submitted in the same instant by number

        var first = WebUtility.HtmlDecode(await citizen.Client.GetStringAsync("/my/cases"));
        Assert.Contains(Link(expected[0]), first, StringComparison.Ordinal);
        Assert.DoesNotContain(Link(expected[50]), first, StringComparison.Ordinal);
        var next = System.Text.RegularExpressions.Regex.Match(first, "href=\"(/my/cases\\?after=[^\"]+)\" id=\"next-page\"").Groups[1].Value;
        var second = WebUtility.HtmlDecode(await citizen.Client.GetStringAsync(next));
        Assert.Contains(Link(expected[50]), second, StringComparison.Ordinal);
        Assert.DoesNotContain(Link(expected[49]), second, StringComparison.Ordinal);
        Assert.Contains("id=\"first-page\"", second, StringComparison.Ordinal);
        Assert.Contains(Link(expected[0]), await citizen.Client.GetStringAsync("/my/cases?after=not-a-cursor"), StringComparison.Ordinal); // unreadable: the top
        Assert.Equal(HttpStatusCode.OK, (await citizen.Client.GetAsync("/api/applications/my/cases?after=99999999999999999999.x")).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Each_case_page_says_whose_turn_it_is_and_a_concluded_refused_or_withdrawn_case_its_outcome_and_date_instead_of_a_countdown(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var clerk = await app.SignInAsync("窗口进度", Department, Policies.WindowClerk);
        var approver = await app.SignInAsync("审批进度", Department, Policies.Approver);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).ToString("yyyy-MM-dd");

        var number = await citizen.Client.ApplyAsync(TestCatalog.Instant);
        Assert.Contains("即办件：受理后当场办结", await PageAsync(citizen.Client, $"/my/cases/{number}"), StringComparison.Ordinal);
        Assert.Contains("<dd id=\"whose-turn\">窗口工作人员</dd>", await PageAsync(clerk, $"/admin/cases/{number}"), StringComparison.Ordinal);
        (await clerk.ActAsync(number, "accept")).EnsureSuccessStatusCode();
        Assert.Contains("<dd id=\"whose-turn\">审批人员</dd>", await PageAsync(citizen.Client, $"/my/cases/{number}"), StringComparison.Ordinal);
        (await approver.ActAsync(number, "decide", new { outcome = "Approved", opinion = "准予" })).EnsureSuccessStatusCode();
        (await clerk.ActAsync(number, "conclude", new { delivery = "Electronic" })).EnsureSuccessStatusCode();

        var concluded = await PageAsync(citizen.Client, $"/my/cases/{number}");
        Assert.Contains("当场办结", concluded, StringComparison.Ordinal);
        Assert.Contains($"{today} 办结", concluded, StringComparison.Ordinal);
        Assert.DoesNotContain("剩余", concluded, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"whose-turn\">无（已办结）</dd>", concluded, StringComparison.Ordinal);
        var view = await (await citizen.Client.GetAsync($"/api/applications/my/cases/{number}")).JsonAsync();
        Assert.Equal(today, view.GetProperty("progress").GetProperty("closedOn").GetString());

        var refused = await citizen.Client.ApplyAsync();
        (await clerk.ActAsync(refused, "refuse", new { reason = "不属于本部门受理范围", legalNotice = "可申请行政复议" })).EnsureSuccessStatusCode();
        var page = await PageAsync(citizen.Client, $"/my/cases/{refused}");
        Assert.Contains($"{today} 不予受理，不再计时", page, StringComparison.Ordinal);
        Assert.Contains("不属于本部门受理范围", page, StringComparison.Ordinal);
        Assert.DoesNotContain("受理后开始计时", page, StringComparison.Ordinal);

        var withdrawn = await citizen.Client.ApplyAsync();
        (await clerk.ActAsync(withdrawn, "accept")).EnsureSuccessStatusCode();
        var withdraw = $"/api/applications/my/cases/{withdrawn}/withdraw";
        Assert.Equal("case.withdraw_reason", await (await citizen.Client.PostAsJsonAsync(withdraw, new { reason = " " })).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        var closed = await (await citizen.Client.PostAsJsonAsync(withdraw, new { reason = "已在外地办理" })).JsonAsync();
        Assert.Equal(("Withdrawn", today), (closed.GetProperty("status").GetString(), closed.GetProperty("progress").GetProperty("closedOn").GetString()));
        Assert.Contains($"{today} 撤回，不再计时", await PageAsync(citizen.Client, $"/my/cases/{withdrawn}"), StringComparison.Ordinal);
        Assert.Contains("<dd id=\"whose-turn\">无（已撤回）</dd>", await PageAsync(clerk, $"/admin/cases/{withdrawn}"), StringComparison.Ordinal);
        Assert.Equal("case.withdraw_not_allowed", await (await citizen.Client.PostAsJsonAsync(withdraw, new { reason = "再撤" })).ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Equal("case.withdraw_not_allowed", await (await citizen.Client.PostAsJsonAsync($"/api/applications/my/cases/{number}/withdraw", new { reason = "已办结" }))
            .ProblemCodeAsync(HttpStatusCode.Conflict)); // a concluded case stays concluded

        var corrected = await citizen.Client.ApplyAsync();
        (await clerk.ActAsync(corrected, "request-correction", new { corrections = new[] { new { target = "purpose", note = "写清事由" } } })).EnsureSuccessStatusCode();
        Assert.Contains("<dd id=\"whose-turn\">您（申请人）</dd>", await PageAsync(citizen.Client, $"/my/cases/{corrected}"), StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Withdrawing_on_the_case_page_without_a_reason_keeps_the_form_open_with_the_message_and_with_one_closes_the_case_for_staff_too(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var clerk = await app.SignInAsync("窗口撤回", Department, Policies.WindowClerk);
        var number = await citizen.Client.ApplyAsync();
        (await clerk.ActAsync(number, "request-correction", new { corrections = new[] { new { target = "purpose", note = "写清事由" } } })).EnsureSuccessStatusCode();
        var page = $"/my/cases/{number}";
        Assert.Contains("id=\"withdraw\"", await PageAsync(citizen.Client, page), StringComparison.Ordinal);

        using (var blank = await citizen.Client.PostFormAsync(page, $"{page}?handler=Withdraw", ("Reason", "  ")))
        {
            var html = WebUtility.HtmlDecode(await blank.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, blank.StatusCode);
            Assert.Contains("<details class=\"card\" id=\"withdraw\" open=\"open\">", html, StringComparison.Ordinal);
            Assert.Contains("请写明撤回的理由", html, StringComparison.Ordinal);
        }
        Assert.Equal("AwaitingCorrection", (await (await citizen.Client.GetAsync($"/api/applications/my/cases/{number}")).JsonAsync()).GetProperty("status").GetString());

        using (var done = await citizen.Client.PostFormAsync(page, $"{page}?handler=Withdraw", ("Reason", "已在外地办理")))
            Assert.Equal((HttpStatusCode.Redirect, page), (done.StatusCode, done.Headers.Location?.OriginalString));
        var after = await PageAsync(citizen.Client, page);
        Assert.Contains("已撤回", after, StringComparison.Ordinal);
        Assert.Contains("申请人撤回", after, StringComparison.Ordinal); // the timeline, with the reason
        Assert.Contains("已在外地办理", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"withdraw\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain("提交补正", after, StringComparison.Ordinal);

        var staff = await PageAsync(clerk, $"/admin/cases/{number}");
        Assert.DoesNotContain("record-trip", staff, StringComparison.Ordinal);
        Assert.Contains("已结束，不再计时", await PageAsync(clerk, $"/admin/cases?Filter.Number={number}"), StringComparison.Ordinal);
    }

    private static string Link(string number) => $"href=\"/my/cases/{number}\"";

    private static async Task<string> PageAsync(HttpClient client, string path) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    /// <summary>Cases of the applicant written straight to the database, three to an instant: their numbers in the order the list must give them.</summary>
    private static async Task<List<string>> SeedCasesAsync(TongbanApp app, Guid applicant, int count)
    {
        var item = new ItemSnapshot("TEST-SIMPLE", "测试事项", 2, TestCatalog.Department, TestCatalog.Division, 5, 1, [], []);
        var prefix = Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var at = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        var cases = Enumerable.Range(0, count).Select(i => Case.Submit($"{prefix}-20260302-{i:D5}", $"seed:{prefix}:{i}", item,
            new Applicant(applicant, "测试申请人", "211221********1234"), Channel.Online, new Dictionary<string, string>(), [], null, "user:seed", at.AddMinutes(i / 3))).ToList();
        db.Cases.AddRange(cases);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return [.. cases.OrderByDescending(c => c.SubmittedAt).ThenByDescending(c => c.Number, StringComparer.Ordinal).Select(c => c.Number)];
    }
}
