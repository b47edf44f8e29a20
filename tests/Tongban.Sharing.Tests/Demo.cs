using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Sharing.Tests;

/// <summary>Departments and resources of the demo pack the tests lean on, and a resource body to register.</summary>
internal static class Demo
{
    public const string PublicSecurity = "11211200061012195B";   // 铁岭市公安局
    public const string MarketRegulation = "11211200025881318U"; // 铁岭市市场监督管理局
    public const string NaturalResources = "11211200023387148M"; // 铁岭市自然资源局
    public const string Development = "11211200028410570F";      // 铁岭市发展和改革委员会
    public const string CivilAffairs = "11211200096593487Q";     // 铁岭市民政局
    public const string Fire = "112112000609200875";             // 铁岭市消防救援支队

    public const string Population = PublicSecurity + "-00001";
    public const string LegalEntities = MarketRegulation + "-00001";
    public const string Geospatial = NaturalResources + "-00001";
    public const string CreditLists = Development + "-00001";
    public const string FirePlans = Fire + "-00001";               // 灭火救援预案信息, not shared

    /// <summary>Consumers: every test takes its own department, so its grants are its own.</summary>
    public static readonly string[] Consumers =
    [
        "112112000436062482", "11211200088626824C", "11211200042398475D", "1121120001177321XG", "112112000711883973",
        "11211200061416624L", "112112000642937543", "112112000879874175", "11211200078076478C", "11211200000736253J",
        "11211200094934241D", "1121120006906933XM", "11211200067095518U", "112112000397147050", "11211200021134315N",
    ];

    /// <summary>A data administrator's scope: their department only (no department means a catalog keeper of the big-data bureau).</summary>
    public static StaffScope Of(string department) => new(department, null, []);

    public static object Resource(string name, string provider = CivilAffairs, string sharingType = "Conditional", string? terms = "用于社会救助对象认定", string? registry = null,
        params (string Name, string Label, string Type, string Sensitivity)[] items) => new
    {
        name, summary = $"{name}（测试）", classification = "Departmental", categoryPath = "民政/测试", providerCreditCode = provider,
        sharingType, sharingTerms = terms, updateCycle = "Monthly", format = "JSON", accessMode = "Api", registry,
        items = (items.Length > 0 ? items : [("idNumber", "公民身份号码", "string", "Sensitive"), ("amount", "金额", "decimal", "Internal")])
            .Select(i => new { name = i.Name, label = i.Label, type = i.Type, sensitivity = i.Sensitivity }),
    };

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    public static async Task<IReadOnlyList<string?>> ErrorFieldsAsync(HttpResponseMessage response) =>
        [.. (await JsonAsync(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString())];
}
