using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>The shipped demo accounts can play the demo's own journey end to end, and the README's walkthrough names them.</summary>
public sealed class DemoAccountsTests(LaneApps apps)
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] WalkthroughItems =
        ["11211200061012195B00070501100001", "11211200061012195B00070500700101"]; // 居住证申领, 户口迁移（迁入）

    private sealed record Staff(string Name, string Phone, string? DepartmentCode, string[] Roles, string[] DivisionScope);

    [Theory]
    [DatabaseLanes]
    public async Task The_demo_staff_hold_every_role_the_walkthrough_items_need_in_their_department_and_a_supervisor_sees_all(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        await using var scope = app.Services.CreateAsyncScope();
        var items = scope.ServiceProvider.GetRequiredService<IServiceItems>();
        var staff = Accounts();

        foreach (var code in WalkthroughItems)
        {
            var item = await items.FindApplicableAsync(code, TestContext.Current.CancellationToken);
            Assert.NotNull(item);
            Assert.True(item.CanApplyOnline, $"{item.Name} takes no online applications");
            Assert.NotEmpty(item.Form.Fields);
            var roles = item.Process.Select(s => s.Role).Append(Policies.WindowClerk).Distinct();
            Assert.All(roles, role => Assert.Contains(staff, s => s.DepartmentCode == item.DepartmentCreditCode && s.Roles.Contains(role) && s.DivisionScope.Length == 0));
        }
        Assert.Contains(staff, s => s.Roles.Contains(Policies.EfficiencySupervisor) && s.DivisionScope.Length == 0);
    }

    [Fact]
    public void The_readme_walkthrough_names_the_account_of_each_role_it_uses()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md"));
        var walkthrough = readme[readme.IndexOf("### Walkthrough", StringComparison.Ordinal)..];
        walkthrough = walkthrough[..walkthrough.IndexOf("\n## ", StringComparison.Ordinal)];
        foreach (var role in new[] { Policies.WindowClerk, Policies.Reviewer, Policies.Approver, Policies.EfficiencySupervisor })
        {
            var account = Accounts().First(s => s.Roles.Contains(role));
            Assert.Contains(account.Name, walkthrough, StringComparison.Ordinal);
            Assert.Contains($"`{account.Phone}`", walkthrough, StringComparison.Ordinal);
        }
    }

    private static List<Staff> Accounts()
    {
        using var file = File.OpenRead(Path.Combine(Root, "regions", "tieling", "accounts.json"));
        var staff = JsonDocument.Parse(file).RootElement.GetProperty("staff");
        return staff.Deserialize<List<Staff>>(Json)!;
    }
}
