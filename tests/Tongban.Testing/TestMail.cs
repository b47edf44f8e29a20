using System.Net;
using System.Text.RegularExpressions;

namespace Tongban.Testing;

/// <summary>E-mail addresses for notifications: set on /account and confirmed through the link the development mailbox shows.</summary>
public static partial class TestMail
{
    public static string NewAddress() => $"n{Guid.NewGuid():N}@example.cn";

    /// <summary>Sets the address on /account (which mails a confirmation link); throws unless saved.</summary>
    public static async Task SetEmailAsync(this HttpClient citizen, string address)
    {
        using var saved = await citizen.PostFormAsync("/account", "/account?handler=Email", ("Email", address));
        saved.EnsureSuccessStatusCode();
    }

    /// <summary>The token of the newest confirmation link mailed to <paramref name="address"/>, read from /dev/mail.</summary>
    public static async Task<string> LatestConfirmationTokenAsync(this TongbanApp app, string address)
    {
        var html = WebUtility.HtmlDecode(await app.Browser().GetStringAsync("/dev/mail"));
        var row = html.Split("<tr class=\"mail\">").FirstOrDefault(r => r.Contains($"<td class=\"mail-to\">{address}</td>", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No mail to {address} on /dev/mail");
        return ConfirmationLink().Match(row) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No confirmation link in the mail to {address}");
    }

    /// <summary>Posts the confirmation page with <paramref name="token"/> as the signed-in <paramref name="citizen"/>.</summary>
    public static Task<HttpResponseMessage> ConfirmEmailAsync(this HttpClient citizen, string token) =>
        citizen.PostFormAsync($"/account/email/confirm?token={token}", "/account/email/confirm", ("Token", token));

    /// <summary>Sets the address and confirms it with the link mailed to it.</summary>
    public static async Task SetConfirmedEmailAsync(this HttpClient citizen, TongbanApp app, string address)
    {
        await citizen.SetEmailAsync(address);
        using var confirmed = await citizen.ConfirmEmailAsync(await app.LatestConfirmationTokenAsync(address));
        confirmed.EnsureSuccessStatusCode();
    }

    [GeneratedRegex(@"/account/email/confirm\?token=([A-Za-z0-9_-]+)")]
    private static partial Regex ConfirmationLink();
}
