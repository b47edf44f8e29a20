using System.Net;
using System.Net.Http.Json;
using Tongban.Kernel.Security;
using static Tongban.Sharing.Tests.Demo;

namespace Tongban.Sharing.Tests;

/// <summary>A data administrator acts for their own department; the catalog department's administrators (the big-data bureau) review the catalog.</summary>
public sealed class ScopeTests(LaneApps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Request(string consumer, string resource) => new
    {
        consumerCreditCode = consumer, resourceCode = resource, purpose = "核验申请人户籍", fields = new[] { "idNumber", "name" },
        validFrom = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd"), validUntil = DateTime.UtcNow.AddDays(90).ToString("yyyy-MM-dd"),
    };

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (await JsonAsync(response)).GetProperty("code").GetString();

    [Theory]
    [DatabaseLanes]
    public async Task A_department_decides_only_requests_to_its_own_resources(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var consumer = await app.SignInAsync("申请部门数据员", Of(Consumers[10]), Policies.DataAdministrator);
        var stranger = await app.SignInAsync("市场监管局数据员", Of(MarketRegulation), Policies.DataAdministrator);
        var provider = await app.SignInAsync("公安局数据员", Of(PublicSecurity), Policies.DataAdministrator);
        var created = await consumer.PostAsJsonAsync("/api/sharing/requests", Request(Consumers[10], Population), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetGuid();

        var own = await consumer.PostAsync($"/api/sharing/requests/{id}/approve", null, Ct);
        Assert.Equal((HttpStatusCode.Forbidden, "sharing.not_provider"), (own.StatusCode, await CodeAsync(own)));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/sharing/requests/{id}/approve", null, Ct)).StatusCode);
        Assert.DoesNotContain(id.ToString(), await stranger.GetStringAsync("/api/sharing/requests", Ct), StringComparison.Ordinal);

        var page = await consumer.GetStringAsync("/admin/sharing/requests", Ct);
        Assert.Contains($"id=\"request-{id}\"", page, StringComparison.Ordinal);
        Assert.Contains("等待资源提供部门审批", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"request-{id}\"", await stranger.GetStringAsync("/admin/sharing/requests", Ct), StringComparison.Ordinal);
        var token = await TongbanApp.AntiforgeryTokenAsync(consumer, "/admin/sharing/requests");
        var onPage = await consumer.PostAsync($"/admin/sharing/requests?handler=Approve&id={id}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, onPage.StatusCode);
        Assert.Contains("只有资源提供部门可以审批申请或收回授权", await onPage.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var approved = await provider.PostAsync($"/api/sharing/requests/{id}/approve", null, Ct);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var grant = (await JsonAsync(approved)).GetProperty("grantId").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await consumer.PostAsJsonAsync($"/api/sharing/grants/{grant}/revoke", new { reason = "不再需要" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/sharing/grants/{grant}/revoke", new { reason = "不再需要" }, Ct)).StatusCode);
        Assert.DoesNotContain(grant.ToString(), await stranger.GetStringAsync("/api/sharing/grants", Ct), StringComparison.Ordinal);
        Assert.Contains(grant.ToString(), await consumer.GetStringAsync("/api/sharing/grants", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync($"/api/sharing/grants/{grant}/revoke", new { reason = "用途已完成" }, Ct)).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_department_registers_and_requests_only_for_itself_and_the_catalog_keepers_publish(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("民政局数据员", Of(CivilAffairs), Policies.DataAdministrator);
        var stranger = await app.SignInAsync("消防支队数据员", Of(Fire), Policies.DataAdministrator);
        var keeper = await app.SignInAsync("大数据局审核员", Of(Development), Policies.DataAdministrator); // the catalog department (appsettings)

        var foreign = await clerk.PostAsJsonAsync("/api/sharing/resources", Resource("代登记的公安信息", provider: PublicSecurity), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, foreign.StatusCode);
        Assert.Equal(["provider_credit_code"], await ErrorFieldsAsync(foreign));
        var forOther = await clerk.PostAsJsonAsync("/api/sharing/requests", Request(Consumers[11], Population), Ct);
        Assert.Equal((HttpStatusCode.Forbidden, "sharing.other_department"), (forOther.StatusCode, await CodeAsync(forOther)));
        Assert.DoesNotContain($"value=\"{PublicSecurity}\"", await clerk.GetStringAsync("/admin/sharing/resources/new", Ct), StringComparison.Ordinal);

        var created = await clerk.PostAsJsonAsync("/api/sharing/resources", Resource("低保边缘家庭信息"), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await JsonAsync(created)).GetProperty("code").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/sharing/resources/{code}", Ct)).StatusCode);
        Assert.DoesNotContain(code, await stranger.GetStringAsync("/admin/sharing/resources", Ct), StringComparison.Ordinal);
        Assert.Contains(code, await clerk.GetStringAsync("/admin/sharing/resources", Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/sharing/resources/{code}/submit", null, Ct)).StatusCode);
        var colleague = await app.SignInAsync("民政局另一数据员", Of(CivilAffairs), Policies.DataAdministrator);
        var notKeeper = await colleague.PostAsync($"/api/sharing/resources/{code}/approve", null, Ct);
        Assert.Equal((HttpStatusCode.Forbidden, "resource.review_by_catalog_keeper"), (notKeeper.StatusCode, await CodeAsync(notKeeper)));
        Assert.Contains("等待大数据主管部门审核发布", await colleague.GetStringAsync($"/admin/sharing/resources/{code}", Ct), StringComparison.Ordinal);
        Assert.Contains(code, await keeper.GetStringAsync("/api/sharing/resources?status=Submitted", Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await keeper.PutAsJsonAsync($"/api/sharing/resources/{code}", Resource("低保边缘家庭信息"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await keeper.PostAsync($"/api/sharing/resources/{code}/approve", null, Ct)).StatusCode);
    }
}
