using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Security;
using Tongban.Nodes.Contracts;

namespace Tongban.Nodes.Tests;

/// <summary>The central directory: registrations checked, the configuration signed, rights from live sharing grants.</summary>
public sealed class DirectoryTests(LaneApps apps) : IDisposable
{
    // Demo pack: the housing fund centre and its published contribution resource.
    private const string HousingFund = "12211200031892486P";
    private const string FundAccounts = "12211200031892486P-00001";
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private readonly NodeTestKeys _keys = new();

    private static async Task<T> WithDirectoryAsync<T>(TongbanApp app, Func<INodeDirectory, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<INodeDirectory>());
    }

    private NodeRegistration Node(string member, string code) =>
        new(member, code, "http://127.0.0.1:7001", _keys.Key(member + code).Public.Pem, new string('a', 64));

    private static async Task<JsonObject> ConfigurationAsync(TongbanApp app) =>
        (await app.CreateClient().GetFromJsonAsync<JsonObject>("/api/nodes/configuration"))!;

    private static async Task GrantAsync(TongbanApp app, string consumer, string[] fields)
    {
        var client = await app.SignInAsync("数据员", Policies.DataAdministrator);
        var response = await client.PostAsJsonAsync("/api/sharing/requests", new
        {
            consumerCreditCode = consumer, resourceCode = FundAccounts, purpose = "公积金贷款审核", fields, validFrom = Today, validUntil = Today.AddDays(30),
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var request = await response.Content.ReadFromJsonAsync<JsonElement>();
        var approver = await app.SignInAsync("提供方数据员", Policies.DataAdministrator);
        if (request.GetProperty("status").GetString() == "Pending")
            Assert.Equal(HttpStatusCode.OK, (await approver.PostAsync($"/api/sharing/requests/{request.GetProperty("id").GetGuid()}/approve", null)).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_live_grant_for_a_registered_service_is_a_right_in_the_configuration_signed_by_the_anchor(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var consumer = TestClients.All[0].Department;
        await WithDirectoryAsync(app, d => d.AddNodeAsync(Node(HousingFund, "fund-1"), CancellationToken.None));
        await WithDirectoryAsync(app, async d =>
        {
            await d.AddServiceAsync(new ServiceRegistration(HousingFund, "fund-account", "1", "住房公积金账户状态", FundAccounts, ["accountStatus", "balance"]), CancellationToken.None);
            return 0;
        });
        await GrantAsync(app, consumer, ["accountStatus", "balance"]);

        var anchor = await WithDirectoryAsync(app, d => Task.FromResult(d.Anchor()));
        var configuration = SignedDocument.Verify<NodeConfiguration>(await ConfigurationAsync(app), [anchor]);

        Assert.NotNull(configuration);
        Assert.Equal((NodeConfiguration.FormatName, SignatureSchemes.Sm2), (configuration.Format, anchor.Algorithm));
        Assert.Equal("http://127.0.0.1:7001", configuration.Node($"{HousingFund}/fund-1")!.Address);
        var service = configuration.Service(HousingFund, "fund-account")!;
        var right = configuration.Right(consumer, service, "公积金贷款审核", Today);
        Assert.NotNull(right);
        Assert.Equal(["accountStatus", "balance"], right.Items);
        Assert.Null(configuration.Right("91211200000000000X", service, "公积金贷款审核", Today));
        Assert.Null(configuration.Right(consumer, service, "另一用途", Today)); // a right is for its purpose
        Assert.True(configuration.ExpiresAt - configuration.IssuedAt == TimeSpan.FromHours(24));
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_version_rises_when_the_directory_changes_and_not_otherwise(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var first = (await ConfigurationAsync(app))["document"]!["version"]!.GetValue<long>();
        var again = (await ConfigurationAsync(app))["document"]!["version"]!.GetValue<long>();
        await WithDirectoryAsync(app, d => d.AddNodeAsync(Node(HousingFund, "fund-version"), CancellationToken.None));
        var changed = (await ConfigurationAsync(app))["document"]!["version"]!.GetValue<long>();

        Assert.Equal(first, again);
        Assert.Equal(first + 1, changed);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_registration_wrong_in_every_field_is_refused_naming_each(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var error = await Assert.ThrowsAsync<DomainException>(() => WithDirectoryAsync(app, d =>
            d.AddNodeAsync(new NodeRegistration("not-a-code", "Bad Code", "http://example.org", "-----BEGIN PUBLIC KEY-----", "xyz"), CancellationToken.None)));

        Assert.Equal(["member", "code", "address", "publicKey", "tlsFingerprint"], error.Errors.Select(e => e.Field));
        Assert.All(error.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Chinese)));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_second_node_with_the_same_code_and_a_service_without_a_published_resource_are_refused(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        await WithDirectoryAsync(app, d => d.AddNodeAsync(Node(HousingFund, "fund-dup"), CancellationToken.None));

        var duplicate = await Assert.ThrowsAsync<DomainException>(() => WithDirectoryAsync(app, d => d.AddNodeAsync(Node(HousingFund, "fund-dup"), CancellationToken.None)));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => WithDirectoryAsync(app, async d =>
        {
            await d.AddServiceAsync(new ServiceRegistration(HousingFund, "fund-unknown", "1", "未发布的资源", "12211200031892486P-09999", ["balance"]), CancellationToken.None);
            return 0;
        }));

        Assert.Equal("node.exists", duplicate.Errors[0].Code);
        Assert.Equal("node.resource_unknown", unknown.Errors[0].Code);
    }

    public void Dispose() => _keys.Dispose();
}
