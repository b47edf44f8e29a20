using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Domain;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>
/// The workbench over generated cases: keyset pages cover a queue once, the staff scope (department, divisions) holds
/// in every search, the filters find what they name; and the generator's cases are valid, varied and repeatable.
/// Each test generates into a department of its own.
/// </summary>
// Generates hundreds of cases, which a region-wide clerk would see on every other class's workbench: apps of its own.
public sealed class WorkbenchTests(ClassApplicationsApps apps) : IClassFixture<ClassApplicationsApps>
{
    private const int WorkbenchPageSize = Features.Workbench.WorkbenchQuery.PageSize;
    private const string County = "211221000000";
    private const string OtherCounty = "211282000000";
    private static readonly string[] Handlers = [Policies.WindowClerk, Policies.Reviewer, Policies.Leader, Policies.Approver];

    [Theory]
    [DatabaseLanes]
    public async Task Generated_cases_are_valid_spread_over_the_lifecycle_and_the_same_for_the_same_seed(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (first, second) = (NewDepartment(), NewDepartment());
        string[] firstItems = [TestCatalog.Add(first, County, withSteps: false), TestCatalog.Add(first, County, withSteps: true)];
        string[] secondItems = [TestCatalog.Add(second, County, withSteps: false), TestCatalog.Add(second, County, withSteps: true)];
        var summary = await GenerateAsync(app, 400, seed: 7, firstItems);
        await GenerateAsync(app, 400, seed: 7, secondItems);
        Assert.Equal((400, 2), (summary.Cases, summary.Items));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        var cases = await db.Cases.AsNoTracking().Where(c => c.DepartmentCreditCode == first).ToListAsync(TestContext.Current.CancellationToken);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        Assert.Equal(400, cases.Count);
        Assert.Equal(400, cases.Select(c => c.Number).Distinct().Count());
        Assert.All(cases, c =>
        {
            Assert.Matches(@"^211221-\d{8}-\d{5}$", c.Number);
            Assert.Contains(c.ItemCode, firstItems);
            Assert.Equal(c.DueOn ?? Case.NotDue, c.DueSort);
            Assert.Matches(@"^211221\*{8}\d{4}$", c.ApplicantMaskedId);
            Assert.True(c.SubmittedAt < DateTimeOffset.UtcNow);
            Assert.Equal(c.Status, c.History[^1].Status);
            Assert.Equal(c.Status is CaseStatus.InProcess, c.AcceptedOn is not null && c.ConcludedOn is null && c.Outcome is null);
        });
        var statuses = cases.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(Enum.GetValues<CaseStatus>().Where(s => s != CaseStatus.Submitted), s => Assert.True(statuses.GetValueOrDefault(s) > 0, $"no {s} case"));
        Assert.True(statuses[CaseStatus.Concluded] > cases.Count / 3);
        Assert.Contains(cases, c => c.Status == CaseStatus.InProcess && c.DueOn < today);

        // The same seed makes the same cases (items by position, since each run has its own).
        var again = await db.Cases.AsNoTracking().Where(c => c.DepartmentCreditCode == second).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(Fingerprint(cases, firstItems), Fingerprint(again, secondItems));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Keyset_pages_cover_every_case_of_my_queues_once_most_urgent_first(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var department = NewDepartment();
        await GenerateAsync(app, 500, seed: 3, [TestCatalog.Add(department, County, withSteps: true), TestCatalog.Add(department, County, withSteps: false)]);
        var staff = await app.SignInAsync("工作台甲", new StaffScope(department, null, []), Handlers);

        var rows = await AllPagesAsync(staff, "");
        var expected = await NumbersAsync(app, c => c.DepartmentCreditCode == department && c.Queue != null && Handlers.Contains(c.Queue));
        Assert.True(expected.Count > WorkbenchPageSize, $"only {expected.Count} cases in the queues");
        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Select(r => r.GetProperty("number").GetString()!).Order(StringComparer.Ordinal));
        var due = rows.Select(r => r.GetProperty("dueOn").ValueKind == JsonValueKind.Null ? DateOnly.MaxValue : DateOnly.Parse(r.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(due.Order(), due);

        // One queue only: the reviewer's.
        var reviewing = await AllPagesAsync(staff, $"queue={Policies.Reviewer}");
        Assert.NotEmpty(reviewing);
        Assert.All(reviewing, r => Assert.Equal(Policies.Reviewer, r.GetProperty("queue").GetString()));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Staff_never_see_cases_of_another_department_or_outside_their_divisions(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (mine, theirs) = (NewDepartment(), NewDepartment());
        await GenerateAsync(app, 150, seed: 11, [TestCatalog.Add(mine, County, withSteps: false), TestCatalog.Add(mine, OtherCounty, withSteps: false)]);
        await GenerateAsync(app, 150, seed: 12, [TestCatalog.Add(theirs, County, withSteps: false)]);
        var theirNumbers = await NumbersAsync(app, c => c.DepartmentCreditCode == theirs);
        var staff = await app.SignInAsync("本县窗口", new StaffScope(mine, null, [County]), Handlers);

        foreach (var query in new[] { "", "status=Concluded", "status=Submitted", "number=211221", $"number={theirNumbers[0]}" })
        {
            var rows = await AllPagesAsync(staff, query);
            Assert.All(rows, r => Assert.DoesNotContain(r.GetProperty("number").GetString(), theirNumbers));
            Assert.All(rows, r => Assert.StartsWith("211221-", r.GetProperty("number").GetString(), StringComparison.Ordinal));
        }
        var concluded = await AllPagesAsync(staff, "status=Concluded");
        Assert.Equal((await NumbersAsync(app, c => c.DepartmentCreditCode == mine && c.DivisionCode == County && c.Status == CaseStatus.Concluded)).Order(StringComparer.Ordinal),
            concluded.Select(r => r.GetProperty("number").GetString()!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Search_by_number_prefix_item_status_due_range_and_applicant(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var department = NewDepartment();
        var (simple, steps) = (TestCatalog.Add(department, County, withSteps: false), TestCatalog.Add(department, County, withSteps: true));
        await GenerateAsync(app, 300, seed: 5, [simple, steps]);
        var staff = await app.SignInAsync("查询乙", new StaffScope(department, null, []), Handlers);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        var sample = await db.Cases.AsNoTracking().Where(c => c.DepartmentCreditCode == department && c.DueOn != null)
            .OrderBy(c => c.Number).FirstAsync(TestContext.Current.CancellationToken);

        var exact = await AllPagesAsync(staff, $"number={sample.Number}");
        Assert.Equal(sample.Number, Assert.Single(exact).GetProperty("number").GetString());
        var prefix = sample.Number[..15];
        Assert.Equal(await NumbersAsync(app, c => c.DepartmentCreditCode == department && c.Number.StartsWith(prefix)),
            (await AllPagesAsync(staff, $"number={prefix}")).Select(r => r.GetProperty("number").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(await AllPagesAsync(staff, $"item={steps}&status=InProcess"), r =>
            Assert.Equal((steps, "InProcess"), (r.GetProperty("itemCode").GetString(), r.GetProperty("status").GetString())));
        var due = sample.DueOn!.Value;
        var inRange = await AllPagesAsync(staff, $"status={sample.Status}&dueFrom={due:yyyy-MM-dd}&dueBy={due.AddDays(3):yyyy-MM-dd}");
        Assert.Contains(inRange, r => r.GetProperty("number").GetString() == sample.Number);
        Assert.All(inRange, r => Assert.InRange(DateOnly.Parse(r.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture), due, due.AddDays(3)));

        // By the applicant's ID number: posted, matched through the account, answered masked.
        var citizen = await app.CitizenAsync();
        var number = await citizen.Client.ApplyAsync(simple);
        var found = await staff.PostAsJsonAsync("/api/applications/cases/search", new { applicant = citizen.IdNumber }, TestContext.Current.CancellationToken);
        var body = await found.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(number, Assert.Single((await found.JsonAsync()).GetProperty("rows").EnumerateArray()).GetProperty("number").GetString());
        Assert.DoesNotContain(citizen.IdNumber, body, StringComparison.Ordinal);
        Assert.Contains(ResidentIdNumber.Mask(citizen.IdNumber), body, StringComparison.Ordinal);
        var outsider = await app.SignInAsync("别的部门", new StaffScope(NewDepartment(), null, []), Handlers);
        Assert.Empty((await (await outsider.PostAsJsonAsync("/api/applications/cases/search", new { applicant = citizen.IdNumber }, TestContext.Current.CancellationToken)).JsonAsync()).GetProperty("rows").EnumerateArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await staff.PostAsJsonAsync("/api/applications/cases/search", new { applicant = "12345" }, TestContext.Current.CancellationToken)).StatusCode);
    }

    private static string NewDepartment() => "WB" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();

    private static async Task<CaseGenerationSummary> GenerateAsync(TongbanApp app, int count, int seed, string[] items)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ICaseGenerator>().GenerateAsync(count, seed, items, null, TestContext.Current.CancellationToken);
    }

    private static async Task<List<string>> NumbersAsync(TongbanApp app, System.Linq.Expressions.Expression<Func<Case, bool>> where)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var numbers = await scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>().Cases.Where(where).Select(c => c.Number).ToListAsync(TestContext.Current.CancellationToken);
        return [.. numbers.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every page of a workbench query, following the keyset cursor; no page above 50, no endless paging.</summary>
    private static async Task<List<JsonElement>> AllPagesAsync(HttpClient staff, string query)
    {
        var (rows, next, pages) = (new List<JsonElement>(), (string?)null, 0);
        do
        {
            var page = await (await staff.GetAsync($"/api/applications/cases?{query}{(next is null ? "" : "&after=" + Uri.EscapeDataString(next))}")).JsonAsync();
            var found = page.GetProperty("rows").EnumerateArray().ToList();
            Assert.InRange(found.Count, 0, 50);
            rows.AddRange(found);
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
            Assert.True(++pages < 200, "the cursor does not move on");
        } while (next is not null);
        return rows;
    }

    private static List<string> Fingerprint(List<Case> cases, string[] items) =>
        [.. cases.Select(c => $"{Array.IndexOf(items, c.ItemCode)} {c.SubmittedAt:O} {c.Status} {c.ApplicantName} {c.ApplicantMaskedId[^4..]} {c.DueOn} {c.Outcome} {c.Delivery}")
            .Order(StringComparer.Ordinal)];
}
