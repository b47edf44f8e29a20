using System.Net;
using System.Net.Http.Json;
using Tongban.Kernel.Security;

namespace Tongban.Licenses.Tests;

/// <summary>Cases of the demo catalog driven through the applications API from a walk-in to conclusion.</summary>
internal static class Cases
{
    public const string ResidencePermitItem = "11211200061012195B00070501100001"; // 居住证申领 (公安局) → 居住证
    public const string IndividualBusinessItem = "11211200025881318U00012100600001"; // 个体工商户设立登记 (市场监管局) → 个体工商户营业执照

    public static readonly Dictionary<string, string> ResidenceForm = new()
    {
        ["reason"] = "residence", ["address"] = "铁岭市银州区工人街道广裕街32号", ["division"] = "211202000000", ["resident_since"] = "2025-05-01",
        ["renting"] = "no", ["mobile"] = "13900000001",
    };

    public static readonly Dictionary<string, string> ResidenceMaterials = new()
    {
        ["id_card"] = "居民身份证原件已核验", ["residence_proof"] = "房屋所有权证明已核验", ["photo"] = "现场采集照片",
    };

    public static readonly Dictionary<string, string> BusinessForm = new()
    {
        ["business_name"] = "铁岭县测试小吃部", ["organisation"] = "personal", ["scope"] = "小吃服务", ["address"] = "铁岭县新台子镇懿路村5号",
        ["division"] = "211221000000", ["capital"] = "50000", ["mobile"] = "13900000002",
    };

    public static readonly Dictionary<string, string> BusinessMaterials = new()
    {
        ["application_form"] = "申请书原件", ["operator_id_card"] = "身份证原件已核验", ["premises_proof"] = "租赁合同原件",
    };

    public static readonly string[] ReviewThenDecide = [Policies.Reviewer, Policies.Approver];
    public static readonly string[] ApproveOnly = [Policies.Approver];

    /// <summary>A citizen registered (L1) and verified in person at a window (L3), as items with a real-name level need.</summary>
    public static async Task<HttpClient> VerifiedCitizenAsync(this TongbanApp app, string name, string idNumber)
    {
        var (_, _, citizen) = await app.RegisterCitizenAsync(name, idNumber);
        var clerk = await app.SignInAsync("核验窗口", Policies.WindowClerk);
        using var verified = await clerk.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person", ("IdNumber", idNumber), ("Name", name));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        return citizen;
    }

    /// <summary>A walk-in of <paramref name="item"/> for the citizen, accepted, reviewed, approved and concluded; its number.</summary>
    public static async Task<string> ConcludeAsync(TongbanApp app, string department, string idNumber, string item, Dictionary<string, string> form,
        Dictionary<string, string> materials, string[] steps, string outcome = "Approved")
    {
        var scope = new StaffScope(department, null, []);
        var clerk = await app.SignInAsync("窗口人员" + department[^4..], scope, Policies.WindowClerk);
        var walkIn = await (await clerk.PostAsJsonAsync("/api/applications/walk-ins", new
        {
            idNumber, itemCode = item, key = Guid.NewGuid().ToString("N"), window = "A1", application = new { form, materials },
        })).JsonAsync(HttpStatusCode.Created);
        var number = walkIn.GetProperty("number").GetString()!;
        (await clerk.PostAsJsonAsync($"/api/applications/cases/{number}/accept", new { })).EnsureSuccessStatusCode();
        foreach (var role in steps.SkipLast(1))
        {
            var staff = await app.SignInAsync("经办" + role, scope, role);
            (await staff.PostAsJsonAsync($"/api/applications/cases/{number}/complete-step", new { opinion = "同意" })).EnsureSuccessStatusCode();
        }
        var decider = await app.SignInAsync("决定人", scope, steps[^1]);
        await (await decider.PostAsJsonAsync($"/api/applications/cases/{number}/decide", new { outcome, opinion = outcome == "Approved" ? "准予" : "不予" })).JsonAsync();
        await (await clerk.PostAsJsonAsync($"/api/applications/cases/{number}/conclude", new { delivery = "Window" })).JsonAsync();
        return number;
    }
}
