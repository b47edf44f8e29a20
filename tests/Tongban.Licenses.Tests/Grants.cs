using System.Net;
using System.Net.Http.Json;
using Tongban.Kernel.Security;

namespace Tongban.Licenses.Tests;

/// <summary>Sharing grants of the license data (电子证照信息) to a test client's department, asked and approved as the sharing module wants.</summary>
internal static class Grants
{
    private const string Resource = "112112000037803132-00001"; // 电子证照信息 in the demo resource catalog

    public static async Task GrantAsync(TongbanApp app, int client, string[] fields)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var consumer = await app.SignInAsync("数据员" + client, Policies.DataAdministrator);
        var request = await (await consumer.PostAsJsonAsync("/api/sharing/requests", new
        {
            consumerCreditCode = TestClients.All[client].Department, resourceCode = Resource, purpose = "办理公积金提取核验经营许可", fields,
            validFrom = today, validUntil = today.AddDays(365),
        })).JsonAsync(HttpStatusCode.Created);
        if (request.GetProperty("status").GetString() == "Pending")
        {
            var provider = await app.SignInAsync("营商局数据员", new StaffScope("112112000037803132", null, []), Policies.DataAdministrator);
            Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"/api/sharing/requests/{request.GetProperty("id").GetGuid()}/approve", null)).StatusCode);
        }
    }
}
