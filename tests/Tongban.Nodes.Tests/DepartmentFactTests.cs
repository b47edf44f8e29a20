using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Security;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;
using Tongban.Nodes.Directory;

namespace Tongban.Nodes.Tests;

/// <summary>
/// Issue #18 item 6: a material of a catalog item taken from a department's own system through the exchange nodes, as a
/// registry fact is — the platform (the demo region) calls its own node (<see cref="TwoNodes"/>' consumer) with the
/// demo pack's department fact, the provider node's adapter reaches the housing fund's system, and the applicant previews,
/// agrees, and sees the read under "who read my data".
/// </summary>
public sealed class DepartmentFactTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private const string RentWithdrawal = "12211200031892486P00202600500201"; // 住房公积金提取（租房） (L3): housing_fund_record from housing-fund.deposit
    private const string Purpose = "申办住房公积金提取（租房）：住房公积金缴存证明";

    private static async Task<TongbanApp> PlatformAsync(TwoNodes.Pair pair, TestDatabase database, string secret = TwoNodes.ClientSecret)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Nodes:Platform:NodeAddress"] = "http://platform-node.test", ["Nodes:Platform:ClientId"] = TwoNodes.ClientId, ["Nodes:Platform:ClientSecret"] = secret,
        };
        var app = new TongbanApp(database, settings, s => s.AddHttpClient(DepartmentSystems.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => pair.ConsumerNode.Server.CreateHandler()));
        await using var scope = app.Services.CreateAsyncScope();
        // The operator's `tongban node add` and `tongban node service add`: the housing fund offers its account resource through its node.
        var directory = scope.ServiceProvider.GetRequiredService<INodeDirectory>();
        await directory.AddNodeAsync(new NodeRegistration(TwoNodes.Provider, "fund-1", "http://localhost",
            pair.ProviderNode.Services.GetRequiredService<INodeKeys>().PublicKey().Pem, new string('a', 64)), CancellationToken.None);
        await directory.AddServiceAsync(new ServiceRegistration(TwoNodes.Provider, "fund-account", "1", "住房公积金账户状态",
            TwoNodes.Resource, ["accountStatus", "balance", "employerName", "baseAmount", "lastPaidMonth"]), CancellationToken.None);
        return app;
    }

    /// <summary>A citizen at level 3 (seen at a window), signed in, with a fresh draft of the rent withdrawal.</summary>
    private static async Task<(HttpClient Client, Guid Draft)> ApplicantAsync(TongbanApp app, string name)
    {
        var (idNumber, _, client) = await app.RegisterCitizenAsync(name);
        var clerk = await app.SignInAsync("核验窗口", Policies.WindowClerk);
        using var verified = await clerk.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person", ("IdNumber", idNumber), ("Name", name));
        Assert.True(verified.IsSuccessStatusCode || verified.StatusCode == HttpStatusCode.Redirect, await verified.Content.ReadAsStringAsync());
        using var started = await client.PostAsJsonAsync("/api/applications/drafts", new { itemCode = RentWithdrawal });
        var text = await started.Content.ReadAsStringAsync();
        Assert.True(started.StatusCode == HttpStatusCode.Created, text);
        return (client, JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid());
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_housing_fund_record_comes_through_the_nodes_previewed_agreed_and_shown_as_a_read_of_the_persons_data(DatabaseLane lane)
    {
        var pair = await nodes.For(lane);
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using var app = await PlatformAsync(pair, database);
        var (client, draft) = await ApplicantAsync(app, "公积金测试");
        var fact = $"/api/applications/drafts/{draft}/materials/housing_fund_record/fact";
        var sentBefore = await SentAsync(pair.ConsumerNode);

        using var previewed = await client.PostAsync($"{fact}/preview", null);
        var preview = JsonDocument.Parse(await previewed.Content.ReadAsStringAsync()).RootElement;

        Assert.True(previewed.IsSuccessStatusCode, preview.GetRawText());
        var fields = preview.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["accountStatus"] = "正常", ["employerName"] = "铁岭市第二中学", ["baseAmount"] = "6800", ["lastPaidMonth"] = "2026-11" }, fields);
        Assert.Equal(sentBefore + 1, await SentAsync(pair.ConsumerNode)); // one signed message, logged at the platform's node

        using var agreed = await client.PostAsJsonAsync(fact, new { agree = true });
        var attached = JsonDocument.Parse(await agreed.Content.ReadAsStringAsync()).RootElement;
        Assert.True(agreed.IsSuccessStatusCode, attached.GetRawText());
        Assert.Equal(("RegistryFact", "housing-fund.deposit"), (attached.GetProperty("source").GetString(), attached.GetProperty("reference").GetString()));
        Assert.Equal(sentBefore + 1, await SentAsync(pair.ConsumerNode)); // agreeing did not call again

        var reads = WebUtility.HtmlDecode(await client.GetStringAsync("/account/my-data-reads"));
        Assert.Contains(Purpose, reads, StringComparison.Ordinal);
        Assert.Contains("住房公积金缴存信息", reads, StringComparison.Ordinal); // the sharing resource it was read through, by name
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_refusal_on_the_way_is_said_at_the_material_in_both_languages_and_nothing_is_attached(DatabaseLane lane)
    {
        var pair = await nodes.For(lane);
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using var app = await PlatformAsync(pair, database, secret: "not-the-secret"); // its node does not know this client: it refuses, and says why
        var (client, draft) = await ApplicantAsync(app, "公积金拒绝");

        using var refused = await client.PostAsync($"/api/applications/drafts/{draft}/materials/housing_fund_record/fact/preview", null);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("registry.department_unavailable", problem.GetProperty("code").GetString());
        var error = problem.GetProperty("errors")[0];
        Assert.Equal("facts.housing_fund_record", error.GetProperty("field").GetString());
        Assert.Equal("暂时无法从部门系统取得“住房公积金缴存证明”：调用方系统未通过认证。请稍后再试，或上传该材料", error.GetProperty("zh").GetString());
        Assert.Contains("The calling system is not authenticated", error.GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.Empty(JsonDocument.Parse(await client.GetStringAsync($"/api/applications/drafts/{draft}")).RootElement.GetProperty("materials").EnumerateArray());
        Assert.DoesNotContain(Purpose, WebUtility.HtmlDecode(await client.GetStringAsync("/account/my-data-reads")), StringComparison.Ordinal); // nothing read
    }

    private static async Task<int> SentAsync(TongbanApp node)
    {
        await using var scope = node.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NodesDbContext>().MessageLog.CountAsync(m => m.Direction == "sent" && m.Service == "fund-account");
    }
}
