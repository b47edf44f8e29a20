using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tongban.Kernel.Security;
using Tongban.Sharing.Data;
using Tongban.Sharing.Domain;
using Tongban.Sharing.Features.LookUpGrants;
using static Tongban.Sharing.Tests.Demo;

namespace Tongban.Sharing.Tests;

/// <summary>Requests, decisions and grants, and what <see cref="GrantLookup"/> tells the exchange about them.</summary>
public sealed class AccessTests(LaneApps apps)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static object Request(string consumer, string resource, string[] fields, int days = 365, string purpose = "办理社会救助时核验申请人情况") =>
        new { consumerCreditCode = consumer, resourceCode = resource, purpose, fields, validFrom = Today.AddDays(1), validUntil = Today.AddDays(days) };

    private static Task<GrantAnswer> LookUpAsync(TongbanApp app, string consumer, string resource) =>
        app.Services.GetRequiredService<GrantLookup>().FindAsync(consumer, resource, TestContext.Current.CancellationToken);

    [Theory]
    [DatabaseLanes]
    public async Task An_unconditional_resource_is_granted_at_once(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("教育局数据员", Policies.DataAdministrator);
        var consumer = Consumers[0];
        Assert.Equal(GrantState.NoGrant, (await LookUpAsync(app, consumer, LegalEntities)).State);

        var response = await clerk.PostAsJsonAsync("/api/sharing/requests", Request(consumer, LegalEntities, ["creditCode", "name", "status"], purpose: "民办学校举办者资格核验"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var request = await JsonAsync(response);
        Assert.Equal(("Approved", "system"), (request.GetProperty("status").GetString(), request.GetProperty("decidedBy").GetString()));

        var answer = await LookUpAsync(app, consumer, LegalEntities);
        Assert.Equal(GrantState.NotYetValid, answer.State); // the period starts tomorrow
        Assert.Equal(["creditCode", "name", "status"], answer.Grant!.Fields);
        Assert.Equal("民办学校举办者资格核验", answer.Grant.Purpose);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_conditional_request_waits_for_the_provider_who_approves_or_declines_with_a_reason(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("民政局数据员", Policies.DataAdministrator);
        var provider = await app.SignInAsync("公安局数据管理员", Of(PublicSecurity), Policies.DataAdministrator);
        var (approved, declined) = (Consumers[1], Consumers[2]);

        var first = await JsonAsync(await clerk.PostAsJsonAsync("/api/sharing/requests", Request(approved, Population, ["idNumber", "name", "status"])));
        Assert.Equal("Pending", first.GetProperty("status").GetString());
        Assert.Equal(GrantState.NoGrant, (await LookUpAsync(app, approved, Population)).State);
        var id = first.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync($"/api/sharing/requests/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"/api/sharing/requests/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await provider.PostAsync($"/api/sharing/requests/{id}/approve", null)).StatusCode);
        Assert.Equal(["idNumber", "name", "status"], (await LookUpAsync(app, approved, Population)).Grant!.Fields);

        var second = await JsonAsync(await clerk.PostAsJsonAsync("/api/sharing/requests", Request(declined, Population, ["idNumber", "maritalStatus"])));
        var other = second.GetProperty("id").GetGuid();
        var noReason = await provider.PostAsJsonAsync($"/api/sharing/requests/{other}/decline", new { reason = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Equal(["reason"], await ErrorFieldsAsync(noReason));
        var answer = await JsonAsync(await provider.PostAsJsonAsync($"/api/sharing/requests/{other}/decline", new { reason = "婚姻状况不属于该事项所需信息" }));
        Assert.Equal(("Declined", "婚姻状况不属于该事项所需信息"), (answer.GetProperty("status").GetString(), answer.GetProperty("declineReason").GetString()));
        Assert.Equal(GrantState.NoGrant, (await LookUpAsync(app, declined, Population)).State);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_resource_that_is_not_shared_cannot_be_requested_and_bad_requests_name_their_fields(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("应急局数据员", Policies.DataAdministrator);
        var refused = await clerk.PostAsJsonAsync("/api/sharing/requests", Request(Consumers[3], FirePlans, ["unitName"]));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("该资源不予共享，不能申请", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var bad = await clerk.PostAsJsonAsync("/api/sharing/requests", new
        {
            consumerCreditCode = Consumers[3], resourceCode = CreditLists, purpose = "", fields = new[] { "list", "phone" },
            validFrom = Today.AddDays(-3), validUntil = Today.AddDays(-5),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Equal(["purpose", "fields", "valid_from", "valid_until"], await ErrorFieldsAsync(bad));
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsJsonAsync("/api/sharing/requests", Request(Consumers[3], "11211200096593487Q-99999", ["x"]))).StatusCode);
        var nulls = await clerk.PostAsync("/api/sharing/requests", new StringContent(
            $"{{\"consumerCreditCode\": \"{Consumers[3]}\", \"resourceCode\": \"{CreditLists}\", \"purpose\": \"核查\", \"fields\": [null], \"validFrom\": null}}",
            System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(["valid_from"], await ErrorFieldsAsync(nulls));
        Assert.Equal(["consumer_credit_code"], await ErrorFieldsAsync(await clerk.PostAsJsonAsync("/api/sharing/requests", Request("91110000600037341L", CreditLists, ["list"]))));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_revoked_grant_no_longer_counts(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("住建局数据员", Policies.DataAdministrator);
        var consumer = Consumers[4];
        await clerk.PostAsJsonAsync("/api/sharing/requests", Request(consumer, Geospatial, ["code", "name", "geometry"]));
        var grant = (await LookUpAsync(app, consumer, Geospatial)).Grant!;

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await clerk.PostAsJsonAsync($"/api/sharing/grants/{grant.Id}/revoke", new { reason = "" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/sharing/grants/{grant.Id}/revoke", new { reason = "项目已结束" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsJsonAsync($"/api/sharing/grants/{grant.Id}/revoke", new { reason = "再次收回" })).StatusCode);
        var answer = await LookUpAsync(app, consumer, Geospatial);
        Assert.Equal((GrantState.Revoked, "项目已结束"), (answer.State, answer.Grant!.RevokeReason));
        var revoked = await clerk.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/sharing/grants?state=Revoked", TestContext.Current.CancellationToken);
        Assert.Contains(revoked.EnumerateArray(), g => g.GetProperty("grant").GetProperty("id").GetGuid() == grant.Id);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_grant_is_active_in_its_period_expired_after_it_and_a_grant_made_elsewhere_arrives_within_a_minute(DatabaseLane lane)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero)); // 09:00 in the region
        var database = await TestDatabase.CreateAsync(lane);
        await using var _ = database;
        await using var app = new TongbanApp(database, services: s => s.AddSingleton<TimeProvider>(clock));
        try
        {
            var clerk = await app.SignInAsync("农业农村局数据员", Policies.DataAdministrator);
            var consumer = Consumers[5];
            var created = await clerk.PostAsJsonAsync("/api/sharing/requests", new
            {
                consumerCreditCode = consumer, resourceCode = LegalEntities, purpose = "农民专业合作社补贴审核", fields = new[] { "creditCode", "status" },
                validFrom = new DateOnly(2026, 3, 2), validUntil = new DateOnly(2026, 3, 31),
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(GrantState.Active, (await LookUpAsync(app, consumer, LegalEntities)).State);

            clock.Advance(TimeSpan.FromDays(30)); // 2026-04-01 in the region
            var answer = await LookUpAsync(app, consumer, LegalEntities);
            Assert.Equal(GrantState.Expired, answer.State);
            Assert.Equal(new DateOnly(2026, 3, 31), answer.Grant!.ValidUntil);

            // Another instance grants the same department again: this instance sees it once its snapshot is a minute old.
            await using (var scope = app.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
                var live = (await db.Resources.SingleAsync(r => r.Code == LegalEntities, TestContext.Current.CancellationToken)).Live!;
                var terms = new AccessTerms(consumer, "合作社年报核查", ["status"], new DateOnly(2026, 4, 1), new DateOnly(2026, 6, 30));
                var request = AccessRequest.Create(LegalEntities, live, terms, new DateOnly(2026, 4, 1), "user:other-instance", clock.GetUtcNow());
                db.Requests.Add(request);
                db.Grants.Add(request.GrantAtOnce("system", clock.GetUtcNow()));
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
            Assert.Equal(GrantState.Expired, (await LookUpAsync(app, consumer, LegalEntities)).State);
            clock.Advance(SharingSnapshot.MaxAge + TimeSpan.FromSeconds(1));
            Assert.Equal((GrantState.Active, "合作社年报核查"), ((await LookUpAsync(app, consumer, LegalEntities)).State, (await LookUpAsync(app, consumer, LegalEntities)).Grant!.Purpose));
        }
        finally
        {
            await app.Database.DisposeAsync();
        }
    }
}
