using System.Collections.Concurrent;
using Tongban.Catalog.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Forms;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Tests;

/// <summary>
/// A small in-memory catalog standing in for the catalog module's <see cref="IServiceItems"/> (a test seam: the
/// integration adds tests against the real catalog). Three items: one without process, one with multi-level sign-off,
/// one needing real-name level 3.
/// </summary>
internal sealed class TestCatalog : IServiceItems
{
    public const string Department = "11211200028410570F";
    public const string Division = "211221000000";
    public const string Simple = "TEST-SIMPLE";
    public const string Steps = "TEST-STEPS";
    public const string Level3 = "TEST-L3";
    public const string Instant = "TEST-INSTANT";

    private static readonly FormDefinition Form = new([
        new FormField("purpose", "申请事由", "Purpose", FormFieldType.Text, Required: true, MaxLength: 50),
        new FormField("mailing", "邮寄结果", "Mail the result", FormFieldType.YesNo),
        new FormField("address", "邮寄地址", "Mailing address", FormFieldType.Text, Required: true, VisibleWhen: new FormCondition("mailing", "yes")),
    ]);

    private static readonly ApplicableMaterial[] Materials =
    [
        new("id-card", "身份证", true, null, false, null, null),
        new("photo", "照片", true, null, true, null, null),
        new("household", "户口簿", false, null, false, "population.household", null),
    ];

    private static readonly Dictionary<string, ApplicableItem> Items = new()
    {
        [Simple] = Item(Simple, "测试事项（即办）", [], realName: 1),
        [Steps] = Item(Steps, "测试事项（多级审批）",
            [new("review", "审查", "Review", Policies.Reviewer), new("sign-off", "领导签批", "Sign-off", Policies.Leader), new("decide", "决定", "Decision", Policies.Approver)], realName: 1),
        [Level3] = Item(Level3, "测试事项（需L3）", [], realName: 3),
        [Instant] = Item(Instant, "测试即办事项", [], realName: 1) with { PromisedLimitDays = 0 },
    };

    public static readonly Dictionary<string, string> ValidForm = new() { ["purpose"] = "测试申请" };

    public static readonly Dictionary<string, string> AllMaterials = new() { ["id-card"] = "file:id-1", ["photo"] = "file:photo-1" };

    private static readonly ConcurrentDictionary<string, ApplicableItem> Added = new();

    /// <summary>A new item of a department and division of the test's own (the workbench tests keep their cases apart by them).</summary>
    public static string Add(string department, string division, bool withSteps)
    {
        var code = "TEST-" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        Added[code] = Item(code, $"测试事项{code[5..9]}", withSteps ? Items[Steps].Process.ToArray() : [], realName: 1) with { DepartmentCreditCode = department, DivisionCode = division };
        return code;
    }

    public Task<ApplicableItem?> FindApplicableAsync(string implementationCode, CancellationToken cancellationToken) =>
        Task.FromResult(Items.GetValueOrDefault(implementationCode) ?? Added.GetValueOrDefault(implementationCode) ?? TestBundles.Item(implementationCode));

    public async Task<IReadOnlyList<ApplicableItem>> FindApplicableAsync(IReadOnlyCollection<string> implementationCodes, CancellationToken cancellationToken) =>
        [.. (await Task.WhenAll(implementationCodes.Select(c => FindApplicableAsync(c, cancellationToken)))).OfType<ApplicableItem>()];

    public Task<ApplicableBundle?> FindBundleAsync(string code, CancellationToken cancellationToken) =>
        Task.FromResult(TestBundles.Find(code, Items[Level3]));

    public async Task<FormDefinition?> FormOfAsync(string implementationCode, int version, CancellationToken cancellationToken) =>
        await FindApplicableAsync(implementationCode, cancellationToken) is { } item && item.VersionNumber == version ? item.Form : null;

    private static ApplicableItem Item(string code, string name, ProcessStep[] process, int realName) =>
        new(code, name, 2, Department, Division, PromisedLimitDays: 5, StatutoryLimitDays: 20, PromisedTrips: 1, realName,
            ForPersons: true, ForLegalEntities: false, Materials, process, Form);
}

/// <summary>Authorisations a test grants, standing in for the identity module's <see cref="IProxyAuthorisations"/>.</summary>
internal sealed class TestProxies : IProxyAuthorisations
{
    private readonly ConcurrentBag<ProxyAuthorisationInfo> _granted = [];

    public void Grant(Guid principal, Guid agent, string itemCode) =>
        _granted.Add(new ProxyAuthorisationInfo(Guid.NewGuid(), principal, agent, [itemCode], DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30)));

    public Task<ProxyAuthorisationInfo?> FindInForceAsync(Guid agentAccountId, Guid principalAccountId, string itemCode, CancellationToken cancellationToken) =>
        Task.FromResult(_granted.FirstOrDefault(a => a.AgentAccountId == agentAccountId && a.PrincipalAccountId == principalAccountId && a.ItemCodes.Contains(itemCode)));

    public Task<IReadOnlyList<ProxyAuthorisationInfo>> InForceForAgentAsync(Guid agentAccountId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ProxyAuthorisationInfo>>([.. _granted.Where(a => a.AgentAccountId == agentAccountId)]);
}
