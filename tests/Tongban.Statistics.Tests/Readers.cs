using System.Net;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Statistics.Tests;

/// <summary>Who reads the figures: a region-wide leader, an efficiency supervisor, a department head (a leader placed in a department).</summary>
internal static class Readers
{
    public static Task<HttpClient> LeaderAsync(this TongbanApp app) => app.SignInAsync("市领导", Policies.Leader);

    public static Task<HttpClient> SupervisorAsync(this TongbanApp app) => app.SignInAsync("效能督查员", Policies.EfficiencySupervisor);

    public static Task<HttpClient> DepartmentHeadAsync(this TongbanApp app, string department) =>
        app.SignInAsync($"局长{department[^4..]}", new StaffScope(department, null, []), Policies.Leader);

    public static async Task<JsonElement> FiguresAsync(this HttpClient client, string query)
    {
        using var response = await client.GetAsync("/api/statistics/" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The figure of each row, by its key.</summary>
    public static Dictionary<string, decimal?> Values(this JsonElement answer) =>
        answer.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!,
            r => r.GetProperty("value").ValueKind == JsonValueKind.Null ? (decimal?)null : r.GetProperty("value").GetDecimal());
}
