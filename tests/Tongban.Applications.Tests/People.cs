using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tongban.Applications.Tests;

/// <summary>Citizens with accounts of their own (registered through the identity module's page), and JSON helpers.</summary>
internal static class People
{
    /// <summary>A page's multipart post of one file, as a browser sends it.</summary>
    public static async Task<HttpResponseMessage> PostFileAsync(this HttpClient client, string page, string action, string field, byte[] content, string name)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await TongbanApp.AntiforgeryTokenAsync(client, page)), "__RequestVerificationToken" },
            { new ByteArrayContent(content), field, name },
        };
        return await client.PostAsync(action, form);
    }

    /// <summary>A registered, signed-in citizen (L1), with their ID number and account id.</summary>
    public static async Task<Citizen> CitizenAsync(this TongbanApp app, string name = "测试申请人")
    {
        var (id, _, client) = await app.RegisterCitizenAsync(name);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/identity/me");
        return new Citizen(id, me.GetProperty("id").GetGuid(), client);
    }

    /// <summary>Raises a citizen to real-name level 3, as a window clerk does having seen their ID card.</summary>
    public static async Task VerifiedInPersonAsync(this TongbanApp app, string idNumber, string name)
    {
        var clerk = await app.SignInAsync("核验窗口", Tongban.Kernel.Security.Policies.WindowClerk);
        using var verified = await clerk.PostFormAsync("/admin/identity/verify-in-person", "/admin/identity/verify-in-person", ("IdNumber", idNumber), ("Name", name));
        Assert.True(verified.IsSuccessStatusCode || verified.StatusCode == HttpStatusCode.Redirect, await verified.Content.ReadAsStringAsync());
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> ProblemCodeAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!;
    }
}

internal sealed record Citizen(string IdNumber, Guid AccountId, HttpClient Client);
