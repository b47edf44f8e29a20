using System.Net;
using System.Text.RegularExpressions;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;
using Xunit;

namespace Tongban.Testing;

/// <summary>Real staff accounts (not the development sign-in): made on the accounts page, signed in with password and authenticator.</summary>
public static class TestStaff
{
    public static Task<HttpResponseMessage> PasswordSignInAsync(this HttpClient client, string login, string password) =>
        client.PostFormAsync("/account/sign-in", "/account/sign-in?handler=Password", ("Login", login), ("Password", password));

    /// <summary>A staff account made by a region-wide system administrator through the accounts page; its id comes from the page's edit link.</summary>
    public static async Task<(string IdNumber, string Phone, Guid Id)> CreateAsync(TongbanApp app, string name, string role, params (string Key, string Value)[] placement)
    {
        var admin = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);
        var (id, phone) = (TestPeople.NewIdNumber("110105"), TestPeople.NewPhone());
        using var created = await admin.PostFormAsync("/admin/identity/accounts", "/admin/identity/accounts?kind=staff",
            [("Input.IdNumber", id), ("Input.Name", name), ("Input.Phone", phone), ("Input.Password", TestPeople.Password), ("Input.Roles", role), .. placement]);
        var html = WebUtility.HtmlDecode(await created.Content.ReadAsStringAsync());
        Assert.True(created.StatusCode == HttpStatusCode.OK, html);
        var row = Regex.Match(html, $"<td>{Regex.Escape(name)}</td>\\s*<td>{Regex.Escape(ResidentIdNumber.Mask(id))}</td>.*?/admin/identity/accounts/([0-9a-f-]{{36}})", RegexOptions.Singleline);
        Assert.True(row.Success, "no edit link for the new staff account");
        return (id, phone, Guid.Parse(row.Groups[1].Value));
    }

    /// <summary>A staff member's first real sign-in: the password, then enrolling an authenticator, which gives the full cookie (and shows the recovery codes).</summary>
    public static async Task<HttpClient> SignInAsync(TongbanApp app, string login) => (await EnrolAsync(app, login)).Client;

    /// <summary>As <see cref="SignInAsync"/>, with the authenticator's key and the ten recovery codes the enrolment page showed once.</summary>
    public static async Task<(HttpClient Client, string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(TongbanApp app, string login)
    {
        var client = app.Browser();
        using (await client.PasswordSignInAsync(login, TestPeople.Password)) { }
        var key = Regex.Match(await client.GetStringAsync("/account/security"), "<code id=\"shared-key\">([A-Z2-7]+)</code>").Groups[1].Value;
        using var enrolled = await client.PostFormAsync("/account/security", "/account/security?handler=Enrol", ("Code", Totp.Code(key, DateTimeOffset.UtcNow)));
        var page = await enrolled.Content.ReadAsStringAsync();
        Assert.True(enrolled.StatusCode == HttpStatusCode.OK, page);
        var codes = Regex.Matches(page, "<code class=\"recovery-code\">([0-9A-Z]{5}-[0-9A-Z]{5})</code>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        return (client, key, codes);
    }
}
