using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Security;

namespace Tongban.Licenses.Tests;

/// <summary>The calls the tests make, named as the steps they are, and JSON helpers.</summary>
internal static class Api
{
    /// <summary>A license administrator of <paramref name="department"/> (development sign-in, so no authenticator step).</summary>
    public static Task<HttpClient> LicenseAdminAsync(this TongbanApp app, string department, string name = "证照管理员") =>
        app.SignInAsync($"{name}{department[^4..]}", new StaffScope(department, null, []), Policies.LicenseAdministrator);

    public static async Task<string> IssueAsync(this HttpClient admin, object input)
    {
        var answer = await (await admin.PostAsJsonAsync("/api/licenses/admin/issue", input)).JsonAsync(HttpStatusCode.Created);
        return answer.GetProperty("identifier").GetString()!;
    }

    /// <summary>A 食品经营许可证 for the demo registry's company, issued by hand by the market regulator.</summary>
    public static Task<string> IssueFoodLicenceAsync(this HttpClient samrAdmin, string holder = "91211221TB000001X2", string name = "铁岭县通办示范商贸有限公司") =>
        samrAdmin.IssueAsync(new
        {
            type = Samples.FoodLicence, holderCode = holder, holderName = name,
            fields = new Dictionary<string, string>
            {
                ["operator"] = name, ["legal_representative"] = "张建国", ["address"] = "铁岭县新台子镇懿路村88号", ["business_form"] = "食品销售经营者", ["activities"] = "预包装食品销售",
            },
        });

    /// <summary>A 居住证 for a citizen, issued by hand by the public security bureau.</summary>
    public static Task<string> IssueResidencePermitAsync(this HttpClient psbAdmin, string idNumber, string name) =>
        psbAdmin.IssueAsync(new
        {
            type = "11100000095986561A003", holderCode = idNumber, holderName = name,
            fields = new Dictionary<string, string> { ["address"] = "铁岭市银州区广裕街12号", ["issuing_office"] = "铁岭市公安局" },
        });

    /// <summary>A 居民身份证 for a citizen, issued by hand by the public security bureau.</summary>
    public static Task<string> IssueIdCardAsync(this HttpClient psbAdmin, string idNumber, string name) =>
        psbAdmin.IssueAsync(new
        {
            type = "11100000095986561A002", holderCode = idNumber, holderName = name,
            fields = new Dictionary<string, string>
            {
                ["sex"] = "female", ["ethnicity"] = "汉", ["birth_date"] = "1990-03-07", ["address"] = "北京市东城区景山前街4号", ["issuing_office"] = "铁岭市公安局银州分局",
            },
        });

    public static Task<HttpResponseMessage> ChangeAsync(this HttpClient admin, string identifier, string action, string? reason) =>
        admin.PostAsJsonAsync($"/api/licenses/admin/licenses/{identifier}/{action}", new { reason });

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> ProblemCodeAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
    }
}
