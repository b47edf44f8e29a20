using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Tongban.Kernel.Identifiers;
using Xunit;

namespace Tongban.Testing;

/// <summary>Unique people for tests that share a database, a browser-like client, and form posts with the page's antiforgery token.</summary>
public static class TestPeople
{
    /// <summary>A password every rule accepts.</summary>
    public const string Password = "Kettle-Orchard-41";

    /// <summary>A valid ID number of <paramref name="county"/> with a random birth date (1960–1998) and serial.</summary>
    public static string NewIdNumber(string county = "211221")
    {
        var birth = new DateOnly(1960, 1, 1).AddDays(RandomNumberGenerator.GetInt32(0, 14000));
        var first17 = $"{county}{birth:yyyyMMdd}{RandomNumberGenerator.GetInt32(0, 1000):D3}";
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    public static string NewPhone() => "139" + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
    public static HttpClient Browser(this TongbanApp app) =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts a form to <paramref name="action"/> with the antiforgery token read from <paramref name="page"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string page, string action, params (string Key, string Value)[] fields)
    {
        var form = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).ToList();
        form.Add(new("__RequestVerificationToken", await TongbanApp.AntiforgeryTokenAsync(client, page)));
        return await client.PostAsync(action, new FormUrlEncodedContent(form));
    }

    /// <summary>A citizen registered through <c>/account/register</c> (L1) and signed in on the returned client.</summary>
    public static async Task<(string IdNumber, string Phone, HttpClient Client)> RegisterCitizenAsync(this TongbanApp app, string name, string? idNumber = null)
    {
        var (id, phone, client) = (idNumber ?? NewIdNumber(), NewPhone(), app.Browser());
        using var response = await client.PostFormAsync("/account/register", "/account/register",
            ("Input.IdNumber", id), ("Input.Name", name), ("Input.Phone", phone), ("Input.Password", Password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (id, phone, client);
    }
}
