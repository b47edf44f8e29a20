using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Identifiers;

namespace Tongban.Identity.Tests;

/// <summary>Unique people for tests that share a database, and form posts that carry the page's antiforgery token.</summary>
internal static partial class People
{
    public const string Password = TestPeople.Password;

    /// <summary>A Beijing (110105) number, so it never matches a person of the demo region's registries.</summary>
    public static string NewIdNumber() => TestPeople.NewIdNumber("110105");

    public static string NewPhone() => TestPeople.NewPhone();

    public static Task<(string IdNumber, string Phone, HttpClient Client)> RegisterAsync(this TongbanApp app, string name = "测试用户") =>
        app.RegisterCitizenAsync(name, NewIdNumber());

    /// <summary>The latest code the development sender kept for <paramref name="phone"/>, read from /dev/sms.</summary>
    public static async Task<string> LatestCodeAsync(this TongbanApp app, string phone)
    {
        var html = await app.Browser().GetStringAsync("/dev/sms");
        var match = Regex.Match(html, $"<td class=\"sms-phone\">{phone}</td><td class=\"sms-text\">[^<]*?(\\d{{6}})");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No code for {phone} on /dev/sms");
    }

    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>Every text message the development sender kept for <paramref name="phone"/>, after the outbox is drained (notices go through it).</summary>
    public static async Task<IReadOnlyList<string>> TextsToAsync(this TongbanApp app, string phone)
    {
        await app.DrainOutboxAsync();
        return [.. app.Services.GetRequiredService<Features.Sms.DevelopmentSmsSender>().Messages.Where(m => m.PhoneNumber == phone).Select(m => m.Message)];
    }

    /// <summary>The account id of a signed-in client, from /api/identity/me.</summary>
    public static async Task<Guid> AccountIdAsync(HttpClient client)
    {
        using var me = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/identity/me"));
        return me.RootElement.GetProperty("id").GetGuid();
    }
}
