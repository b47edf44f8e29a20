using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongban.Kernel.Identifiers;

namespace Tongban.Applications.Tests;

/// <summary>Citizens with accounts of their own (registered through the identity module's page), and JSON helpers.</summary>
internal static class People
{
    public static string NewIdNumber()
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(Random.Shared.Next(0, 14000));
        var first17 = $"211221{birth:yyyyMMdd}{Random.Shared.Next(0, 1000):D3}";
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    public static HttpClient Browser(this TongbanApp app) =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, string action, params (string Key, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        form.Add(new("__RequestVerificationToken", await TongbanApp.AntiforgeryTokenAsync(client, page)));
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

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
        var (id, client) = (NewIdNumber(), app.Browser());
        var phone = "139" + Random.Shared.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        using var response = await client.PostFormAsync("/account/register", "/account/register",
            ("Input.IdNumber", id), ("Input.Name", name), ("Input.Phone", phone), ("Input.Password", "Kettle-Orchard-41"));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var me = await client.GetFromJsonAsync<JsonElement>("/api/identity/me");
        return new Citizen(id, me.GetProperty("id").GetGuid(), client);
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
