using System.Net;
using System.Text.RegularExpressions;
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

    public static Task<HttpResponseMessage> PasswordSignInAsync(this HttpClient client, string login, string password) =>
        client.PostFormAsync("/account/sign-in", "/account/sign-in?handler=Password", ("Login", login), ("Password", password));

    /// <summary>The latest code the development sender kept for <paramref name="phone"/>, read from /dev/sms.</summary>
    public static async Task<string> LatestCodeAsync(this TongbanApp app, string phone)
    {
        var html = await app.Browser().GetStringAsync("/dev/sms");
        var match = Regex.Match(html, $"<td class=\"sms-phone\">{phone}</td><td class=\"sms-text\">[^<]*?(\\d{{6}})");
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No code for {phone} on /dev/sms");
    }

    public static string Text(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The account id of a signed-in client, from /api/identity/me.</summary>
    public static async Task<Guid> AccountIdAsync(HttpClient client)
    {
        using var me = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/identity/me"));
        return me.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>A staff account made by a region-wide system administrator through the accounts page; its id comes from the page's edit link.</summary>
    public static async Task<(string IdNumber, string Phone, Guid Id)> CreateStaffAsync(TongbanApp app, string name, string role, params (string Key, string Value)[] placement)
    {
        var admin = await app.SignInAsync("系统管理员", Kernel.Security.Policies.SystemAdministrator);
        var (id, phone) = (NewIdNumber(), NewPhone());
        using var created = await admin.PostFormAsync("/admin/identity/accounts", "/admin/identity/accounts?kind=staff",
            [("Input.IdNumber", id), ("Input.Name", name), ("Input.Phone", phone), ("Input.Password", Password), ("Input.Roles", role), .. placement]);
        var html = Text(await created.Content.ReadAsStringAsync());
        Assert.True(created.StatusCode == HttpStatusCode.OK, html);
        var row = Regex.Match(html, $"<td>{Regex.Escape(name)}</td>\\s*<td>{Regex.Escape(ResidentIdNumber.Mask(id))}</td>.*?/admin/identity/accounts/([0-9a-f-]{{36}})", RegexOptions.Singleline);
        Assert.True(row.Success, "no edit link for the new staff account");
        return (id, phone, Guid.Parse(row.Groups[1].Value));
    }

    /// <summary>A staff member's first real sign-in: the password, then enrolling an authenticator, which gives the full cookie.</summary>
    public static async Task<HttpClient> SignInStaffAsync(TongbanApp app, string login)
    {
        var client = app.Browser();
        using (await client.PasswordSignInAsync(login, Password)) { }
        var key = Regex.Match(await client.GetStringAsync("/account/security"), "<code id=\"shared-key\">([A-Z2-7]+)</code>").Groups[1].Value;
        using var enrolled = await client.PostFormAsync("/account/security", "/account/security?handler=Enrol", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        Assert.Equal("/admin", enrolled.Headers.Location?.OriginalString);
        return client;
    }
}
