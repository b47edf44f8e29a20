using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Data;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Tests;

public sealed class ProxyTests(LaneApps lanes)
{
    private static readonly string Until = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd");

    private static async Task<T> WithServiceAsync<TService, T>(TongbanApp app, Func<TService, Task<T>> use) where TService : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    private static Task<ProxyAuthorisationInfo?> InForceAsync(TongbanApp app, Guid agent, Guid principal, string item) =>
        WithServiceAsync<IProxyAuthorisations, ProxyAuthorisationInfo?>(app, p => p.FindInForceAsync(agent, principal, item, CancellationToken.None));

    [Theory, DatabaseLanes]
    public async Task A_citizen_authorises_another_who_sees_it_the_contract_finds_it_for_the_item_until_revoked_and_both_acts_are_audited(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var principal = await app.RegisterAsync("委托人甲");
        var agent = await app.RegisterAsync("代办人乙");
        var (principalId, agentId) = (await People.AccountIdAsync(principal.Client), await People.AccountIdAsync(agent.Client));

        using var granted = await principal.Client.PostFormAsync("/account/proxies", "/account/proxies?handler=Grant",
            ("AgentIdNumber", agent.IdNumber), ("AgentName", "代办人乙"), ("Items", "ITEMA0001, ITEMA0002"), ("ValidUntil", Until));
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);

        var given = People.Text(await principal.Client.GetStringAsync("/account/proxies"));
        Assert.Contains(ResidentIdNumber.Mask(agent.IdNumber), given, StringComparison.Ordinal);
        Assert.DoesNotContain(agent.IdNumber, given, StringComparison.Ordinal);
        var received = People.Text(await agent.Client.GetStringAsync("/account/proxies"));
        Assert.Contains($"委托人甲（{ResidentIdNumber.Mask(principal.IdNumber)}）", received, StringComparison.Ordinal);

        var info = await InForceAsync(app, agentId, principalId, "ITEMA0002");
        Assert.NotNull(info);
        Assert.Equal(["ITEMA0001", "ITEMA0002"], info.ItemCodes);
        Assert.Null(await InForceAsync(app, agentId, principalId, "ITEMA0003"));
        Assert.Null(await InForceAsync(app, principalId, agentId, "ITEMA0001"));
        var forAgent = await WithServiceAsync<IProxyAuthorisations, IReadOnlyList<ProxyAuthorisationInfo>>(app, p => p.InForceForAgentAsync(agentId, CancellationToken.None));
        Assert.Equal(principalId, Assert.Single(forAgent).PrincipalAccountId);

        using var revoked = await principal.Client.PostFormAsync("/account/proxies", "/account/proxies?handler=Revoke", ("authorisation", info.Id.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Null(await InForceAsync(app, agentId, principalId, "ITEMA0001"));
        Assert.Contains("已撤销", People.Text(await principal.Client.GetStringAsync("/account/proxies")), StringComparison.Ordinal);
        using var again = await principal.Client.PostAsync($"/api/identity/proxies/{info.Id}/revoke", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        await app.DrainOutboxAsync();
        var audit = await WithServiceAsync<KernelDbContext, List<Kernel.Audit.AuditEntry>>(app, db =>
            db.AuditEntries.Where(e => e.Actor == $"account:{principalId}" && e.Action.StartsWith("identity.proxy_")).ToListAsync());
        Assert.Equal(["identity.proxy_granted", "identity.proxy_revoked"], audit.OrderBy(e => e.Sequence).Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal($"account:{ResidentIdNumber.Mask(principal.IdNumber)}", e.Subject));
        Assert.All(audit, e => Assert.Contains("from ", e.Details, StringComparison.Ordinal));
        Assert.DoesNotContain(audit, e => (e.Details ?? "").Contains(agent.IdNumber, StringComparison.Ordinal));
    }

    [Theory, DatabaseLanes]
    public async Task A_wrong_name_an_unknown_number_yourself_no_items_and_a_past_date_are_refused_by_field_and_nothing_is_saved(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var principal = await app.RegisterAsync("委托人丙");
        var agent = await app.RegisterAsync("代办人丁");

        async Task<string> RefusedAsync(string id, string name, string items, string until)
        {
            using var response = await principal.Client.PostFormAsync("/account/proxies", "/account/proxies?handler=Grant",
                ("AgentIdNumber", id), ("AgentName", name), ("Items", items), ("ValidUntil", until));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            return People.Text(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("未找到与该身份证号码和姓名一致的账号", await RefusedAsync(agent.IdNumber, "别人", "ITEMB0001", Until), StringComparison.Ordinal);
        Assert.Contains("未找到与该身份证号码和姓名一致的账号", await RefusedAsync(People.NewIdNumber(), "代办人丁", "ITEMB0001", Until), StringComparison.Ordinal);
        Assert.Contains("不能授权给自己", await RefusedAsync(principal.IdNumber, "委托人丙", "ITEMB0001", Until), StringComparison.Ordinal);
        var page = await RefusedAsync(agent.IdNumber, "代办人丁", "bad/code", DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd"));
        Assert.Contains("事项实施编码格式不正确", page, StringComparison.Ordinal);
        Assert.Contains("授权截止日期不能早于今天", page, StringComparison.Ordinal);

        using var list = await principal.Client.GetAsync("/api/identity/proxies");
        using var json = JsonDocument.Parse(await list.Content.ReadAsStringAsync());
        Assert.Equal(0, json.RootElement.GetProperty("given").GetArrayLength());
    }

    [Theory, DatabaseLanes]
    public async Task The_API_grants_to_a_station_agent_lists_both_sides_refuses_staff_of_other_roles_and_lets_only_the_principal_revoke(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var principal = await app.RegisterAsync("委托人戊");
        var station = await TestStaff.CreateAsync(app, "驿站代办员己", Policies.StationAgent, ("Input.StationKey", "tlx-xintaizi"));
        var clerk = await TestStaff.CreateAsync(app, "审查员庚", Policies.Reviewer, ("Input.DepartmentCode", "11211200061416624L"));

        using var refused = await principal.Client.PostAsJsonAsync("/api/identity/proxies",
            new { agentIdNumber = clerk.IdNumber, agentName = "审查员庚", itemCodes = new[] { "ITEMC0001" }, validUntil = Until });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("驿站代办员", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var created = await principal.Client.PostAsJsonAsync("/api/identity/proxies",
            new { agentIdNumber = station.IdNumber, agentName = "驿站代办员己", itemCodes = new[] { "ITEMC0001" }, validUntil = Until });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var mine = JsonDocument.Parse(await principal.Client.GetStringAsync("/api/identity/proxies"));
        var given = Assert.Single(mine.RootElement.GetProperty("given").EnumerateArray());
        Assert.Equal(ResidentIdNumber.Mask(station.IdNumber), given.GetProperty("otherMaskedIdNumber").GetString());
        Assert.Equal("InForce", given.GetProperty("status").GetString());

        var stationClient = await TestStaff.SignInAsync(app, station.IdNumber);
        using var theirs = JsonDocument.Parse(await stationClient.GetStringAsync("/api/identity/proxies"));
        Assert.Single(theirs.RootElement.GetProperty("received").EnumerateArray());
        using var agentRevokes = await stationClient.PostAsync($"/api/identity/proxies/{id}/revoke", null);
        Assert.Equal(HttpStatusCode.Forbidden, agentRevokes.StatusCode);
        using var stranger = await (await app.RegisterAsync()).Client.PostAsync($"/api/identity/proxies/{id}/revoke", null);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        using var principalRevokes = await principal.Client.PostAsync($"/api/identity/proxies/{id}/revoke", null);
        Assert.Equal(HttpStatusCode.NoContent, principalRevokes.StatusCode);
    }
}
