using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>At the hall and the station: a walk-in registered by a window clerk, an application by an authorised agent.</summary>
public sealed class HallTests(ApplicationsApps apps)
{
    private static object WalkIn(string idNumber, string key) => new
    {
        idNumber, itemCode = TestCatalog.Simple, key, window = "A3",
        application = new { form = TestCatalog.ValidForm, materials = TestCatalog.AllMaterials },
    };

    [Theory]
    [DatabaseLanes]
    public async Task A_clerk_registers_a_walk_in_by_ID_number_masked_audited_counted_as_a_trip_and_once_per_form(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var clerk = await app.SignInAsync("窗口庚", new StaffScope(TestCatalog.Department, null, []), Policies.WindowClerk);
        var key = Guid.NewGuid().ToString("N");
        // Masked ID numbers are not unique (the shared database holds many test people): count this test's look-ups as the difference.
        var lookupsBefore = (await LookupsAsync(app)).Count(p => p.Contains(Tongban.Kernel.Identifiers.ResidentIdNumber.Mask(citizen.IdNumber), StringComparison.Ordinal));

        var first = await clerk.PostAsJsonAsync("/api/applications/walk-ins", WalkIn(citizen.IdNumber, key));
        var again = await clerk.PostAsJsonAsync("/api/applications/walk-ins", WalkIn(citizen.IdNumber, key));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var @case = await first.JsonAsync();
        var number = @case.GetProperty("number").GetString();
        Assert.Equal(number, (await again.JsonAsync()).GetProperty("number").GetString());
        Assert.Equal(("Window", 1), (@case.GetProperty("channel").GetString(), @case.GetProperty("trips").GetProperty("actual").GetInt32()));
        var body = await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(citizen.IdNumber, body, StringComparison.Ordinal);
        Assert.Contains(Tongban.Kernel.Identifiers.ResidentIdNumber.Mask(citizen.IdNumber), body, StringComparison.Ordinal);
        Assert.Equal(number, (await (await citizen.Client.GetAsync($"/api/applications/my/cases/{number}")).JsonAsync()).GetProperty("number").GetString());

        var lookups = await LookupsAsync(app);
        Assert.Equal(2, lookups.Count(p => p.Contains(Tongban.Kernel.Identifiers.ResidentIdNumber.Mask(citizen.IdNumber), StringComparison.Ordinal)) - lookupsBefore);
        Assert.All(lookups, p => Assert.DoesNotContain(citizen.IdNumber, p, StringComparison.Ordinal));
        Assert.Contains(lookups, p => p.Contains("walk-in application for " + TestCatalog.Simple, StringComparison.Ordinal)); // the purpose
    }

    /// <summary>The audit records of applicant look-ups waiting in or delivered from the applications outbox.</summary>
    private static async Task<List<string>> LookupsAsync(TongbanApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Tongban.Applications.Data.ApplicationsDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Payload.Contains("applications.applicant_looked_up")).Select(m => m.Payload).ToListAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_walk_in_for_an_unknown_ID_number_or_by_a_non_clerk_is_refused(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("窗口辛", Policies.WindowClerk);
        Assert.Equal("case.applicant_unknown", await (await clerk.PostAsJsonAsync("/api/applications/walk-ins", WalkIn(TestPeople.NewIdNumber(), "k"))).ProblemCodeAsync(HttpStatusCode.NotFound));
        var bad = await clerk.PostAsJsonAsync("/api/applications/walk-ins", WalkIn("211221199001011230", "k"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var reviewer = await app.SignInAsync("审查壬", Policies.Reviewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PostAsJsonAsync("/api/applications/walk-ins", WalkIn(TestPeople.NewIdNumber(), "k"))).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_authorised_agent_applies_in_the_principals_name_and_both_are_recorded(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (principal, agent, stranger) = (await app.CitizenAsync("委托人"), await app.CitizenAsync("代办人"), await app.CitizenAsync("陌生人"));
        apps.Proxies.Grant(principal.AccountId, agent.AccountId, TestCatalog.Simple);
        object Body(string item) => new { principalAccountId = principal.AccountId, itemCode = item, key = Guid.NewGuid().ToString("N"),
            application = new { form = TestCatalog.ValidForm, materials = TestCatalog.AllMaterials } };

        var @case = await (await agent.Client.PostAsJsonAsync("/api/applications/agent-applications", Body(TestCatalog.Simple))).JsonAsync();
        Assert.Equal($"user:{agent.AccountId} for user:{principal.AccountId}", @case.GetProperty("submittedBy").GetString());
        var number = @case.GetProperty("number").GetString();
        Assert.Equal(HttpStatusCode.OK, (await principal.Client.GetAsync($"/api/applications/my/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent.Client.GetAsync($"/api/applications/my/cases/{number}")).StatusCode); // the case is the principal's

        Assert.Equal("case.no_authorisation", await (await agent.Client.PostAsJsonAsync("/api/applications/agent-applications", Body(TestCatalog.Steps))).ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Equal("case.no_authorisation", await (await stranger.Client.PostAsJsonAsync("/api/applications/agent-applications", Body(TestCatalog.Simple))).ProblemCodeAsync(HttpStatusCode.Forbidden));
    }
}
