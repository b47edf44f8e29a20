using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.PersonalData;
using Tongban.Licenses.Data;

namespace Tongban.Licenses.Tests;

public sealed class IssueFromCaseTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task An_approved_case_issues_its_license_to_the_applicant_once_with_the_form_values(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var idNumber = TestPeople.NewIdNumber();
        await app.VerifiedCitizenAsync("李居住", idNumber);
        var number = await Cases.ConcludeAsync(app, Samples.Psb, idNumber, Cases.ResidencePermitItem, Cases.ResidenceForm, Cases.ResidenceMaterials, Cases.ReviewThenDecide);
        await app.DrainOutboxAsync();
        await app.DrainOutboxAsync();

        var admin = await app.LicenseAdminAsync(Samples.Psb);
        var issued = (await (await admin.GetAsync("/api/licenses/admin/case-issues")).JsonAsync()).EnumerateArray().Single(r => r.GetProperty("caseNumber").GetString() == number);
        var identifier = issued.GetProperty("identifier").GetString()!;
        var view = await (await admin.GetAsync($"/api/licenses/admin/licenses/{identifier}")).JsonAsync();
        Assert.Equal(("居住证", "李居住", Tongban.Kernel.Identifiers.ResidentIdNumber.Mask(idNumber)),
            (view.GetProperty("typeName").GetString(), view.GetProperty("holderName").GetString(), view.GetProperty("holderCode").GetString()));
        Assert.Contains(view.GetProperty("fields").EnumerateArray(), f => f.GetProperty("key").GetString() == "address" && f.GetProperty("value").GetString() == Cases.ResidenceForm["address"]);
        Assert.Contains(view.GetProperty("fields").EnumerateArray(), f => f.GetProperty("key").GetString() == "issuing_office" && f.GetProperty("value").GetString() == "铁岭市公安局");

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LicensesDbContext>();
        var issue = scope.ServiceProvider.GetServices<Kernel.Outbox.IOutboxHandler>().OfType<Features.IssueFromCases.IssueFromCase>().Single();
        var caseId = await db.CaseIssues.Where(c => c.CaseNumber == number).Select(c => c.CaseId).SingleAsync();
        // The event delivered again (at least once): nothing new.
        await issue.HandleAsync(Kernel.Outbox.OutboxMessage.Create(Applications.Contracts.CaseConcluded.MessageType,
            new Applications.Contracts.CaseConcluded(caseId, number, Cases.ResidencePermitItem, 1, Guid.Empty, true, "Window", DateTimeOffset.UtcNow), DateTimeOffset.UtcNow), default);
        Assert.Equal(1, await db.Licenses.WhereMatches(l => l.HolderCode, idNumber).CountAsync());
    }

    [Theory, DatabaseLanes]
    public async Task A_denied_case_issues_nothing_and_a_legal_persons_license_without_a_holder_source_waits_for_an_administrator(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var idNumber = TestPeople.NewIdNumber();
        await app.VerifiedCitizenAsync("王个体", idNumber);
        var denied = await Cases.ConcludeAsync(app, Samples.Psb, idNumber, Cases.ResidencePermitItem, Cases.ResidenceForm, Cases.ResidenceMaterials, Cases.ReviewThenDecide, "Denied");
        var business = await Cases.ConcludeAsync(app, Samples.Samr, idNumber, Cases.IndividualBusinessItem, Cases.BusinessForm, Cases.BusinessMaterials, Cases.ApproveOnly);
        await app.DrainOutboxAsync();

        var psb = await (await (await app.LicenseAdminAsync(Samples.Psb)).GetAsync("/api/licenses/admin/case-issues")).JsonAsync();
        Assert.DoesNotContain(psb.EnumerateArray(), r => r.GetProperty("caseNumber").GetString() == denied);
        var pending = await (await (await app.LicenseAdminAsync(Samples.Samr)).GetAsync("/api/licenses/admin/case-issues?pending=true")).JsonAsync();
        var row = pending.EnumerateArray().Single(r => r.GetProperty("caseNumber").GetString() == business);
        Assert.Equal(JsonValueKindNull, row.GetProperty("identifier").ValueKind);
        Assert.Contains("人工颁发", row.GetProperty("reasonZh").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignInAsync("窗口", Kernel.Security.Policies.WindowClerk)).GetAsync("/api/licenses/admin/case-issues")).StatusCode);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
