using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tongban.Kernel.Security;

namespace Tongban.Halls.Tests;

/// <summary>The demo halls' departments (regions/tieling/windows.csv): each test works in its own hall, so tests sharing an app do not meet.</summary>
internal static class DemoHalls
{
    public const string Yinzhou = "yinzhou", YinzhouDepartment = "11211202070242291R";
    public const string Qinghe = "qinghe", QingheDepartment = "112112040730753298";
    public const string County = "tieling-county", CountyDepartment = "1121122100946870XD";
    public const string Xifeng = "xifeng", XifengDepartment = "11211223087687772F";
    public const string Changtu = "changtu", ChangtuDepartment = "112112240347437777";
    public const string Diaobingshan = "diaobingshan", DiaobingshanDepartment = "1121128102467515XR";
    public const string Kaiyuan = "kaiyuan", KaiyuanDepartment = "112112820602512233";
}

internal sealed record TakenTicket(string Number, string Category, string Status, int Ahead, string? Window, bool Reminder = false);

internal static partial class HallClients
{
    /// <summary>The pairing code the clerk's page shows for the window (8 digits), read off the page as the clerk would.</summary>
    public static async Task<string> PairingCodeAsync(this HttpClient clerk, string hall, string window)
    {
        using var offered = await clerk.PostFormAsync($"/halls/{hall}/counter/{window}", $"/halls/{hall}/counter/{window}?handler=PairTablet");
        var page = WebUtility.HtmlDecode(await offered.Content.ReadAsStringAsync());
        Assert.True(offered.StatusCode == HttpStatusCode.OK, page);
        return PairingCode().Match(page).Groups[1].Value;
    }

    /// <summary>A tablet (a browser of its own) paired with the window by the code its clerk asked for.</summary>
    public static async Task<HttpClient> TabletAsync(this TongbanApp app, HttpClient clerk, string hall, string window)
    {
        var tablet = app.Browser();
        using var paired = await tablet.PairAsync(hall, window, await clerk.PairingCodeAsync(hall, window));
        Assert.Equal(HttpStatusCode.Redirect, paired.StatusCode);
        return tablet;
    }

    public static Task<HttpResponseMessage> PairAsync(this HttpClient tablet, string hall, string window, string code) =>
        tablet.PostFormAsync($"/halls/{hall}/rate/{window}", $"/halls/{hall}/rate/{window}?handler=Pair", ("Code", code));

    [GeneratedRegex("<strong class=\"pairing-code\">([0-9]{8})</strong>")]
    private static partial Regex PairingCode();

    public static async Task<TakenTicket> TakeAsync(this HttpClient client, string hall, string category)
    {
        using var response = await client.PostAsJsonAsync($"/api/halls/{hall}/tickets", new { category });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TakenTicket>())!;
    }

    /// <summary>A ticket taken by the kiosk page's button: the ticket page it went to, the number, and the proof of the taking the page carries.</summary>
    public static async Task<(string Page, string Number, string Proof)> TakeAtKioskAsync(this HttpClient kiosk, string hall, string category)
    {
        using var taken = await kiosk.PostFormAsync($"/halls/{hall}/kiosk", $"/halls/{hall}/kiosk", ("category", category));
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var page = taken.Headers.Location!.ToString();
        return (page, page.Split('/')[^1].Split('?')[0], Uri.UnescapeDataString(page.Split("taken=")[1]));
    }

    public static async Task<TakenTicket?> TicketAsync(this HttpClient client, string hall, string number)
    {
        using var response = await client.GetAsync($"/api/halls/{hall}/tickets/{number}");
        return response.StatusCode == HttpStatusCode.NotFound ? null : await response.Content.ReadFromJsonAsync<TakenTicket>();
    }

    public static Task<HttpClient> ClerkAsync(this TongbanApp app, string department) =>
        app.SignInAsync($"窗口人员{department[^4..]}", new StaffScope(department, null, []), Policies.WindowClerk);

    /// <summary>Calls the next ticket at a window through the API; the number called, or null when no one waits.</summary>
    public static async Task<string?> CallAsync(this HttpClient clerk, string hall, string window)
    {
        using var response = await clerk.PostAsync($"/api/halls/{hall}/windows/{window}/call", null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("number").GetString();
    }

    public static async Task<HttpResponseMessage> ActAsync(this HttpClient clerk, string hall, string window, string action, object? body = null) =>
        body is null ? await clerk.PostAsync($"/api/halls/{hall}/windows/{window}/{action}", null)
            : await clerk.PostAsJsonAsync($"/api/halls/{hall}/windows/{window}/{action}", body);
}
