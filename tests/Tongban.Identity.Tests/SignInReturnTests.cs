using System.Net;

namespace Tongban.Identity.Tests;

/// <summary>A person sent to sign in by a citizen page lands on the citizens' sign-in and comes back to that page, whichever way they sign in.</summary>
public sealed class SignInReturnTests(LaneApps lanes)
{
    private const string Apply = "/apply/11211200061012195B00070501100001"; // 居住证申领

    [Theory, DatabaseLanes]
    public async Task A_citizen_page_sends_an_anonymous_person_to_the_citizen_sign_in_with_the_page_to_return_to(DatabaseLane lane)
    {
        var client = (await lanes.For(lane)).Browser();
        foreach (var page in new[] { "/my/cases", Apply, "/my/messages", "/account" })
        {
            using var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(page)}", response.Headers.Location!.OriginalString);
        }
        using var staff = await client.GetAsync("/admin/cases?queue=x");
        Assert.Equal("/sign-in?ReturnUrl=%2Fadmin%2Fcases%3Fqueue%3Dx", staff.Headers.Location!.OriginalString); // the staff area keeps the staff sign-in
    }

    [Theory, DatabaseLanes]
    public async Task Signing_in_with_a_password_or_an_SMS_code_returns_to_the_page_and_never_to_another_site(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, phone, _) = await app.RegisterAsync();

        using (var password = await app.Browser().PostFormAsync($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(Apply)}", "/account/sign-in?handler=Password",
            ("Login", id), ("Password", People.Password), ("ReturnUrl", Apply)))
            Assert.Equal(Apply, password.Headers.Location!.OriginalString);

        var client = app.Browser();
        using var sent = await client.PostFormAsync("/account/sign-in?ReturnUrl=%2Fmy%2Fcases", "/account/sign-in?handler=SendCode", ("Phone", phone), ("ReturnUrl", "/my/cases"));
        Assert.Contains("name=\"ReturnUrl\" value=\"/my/cases\"", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal); // carried to the code step
        using var code = await client.PostFormAsync("/account/sign-in", "/account/sign-in?handler=Code", ("Phone", phone), ("Code", await app.LatestCodeAsync(phone)), ("ReturnUrl", "/my/cases"));
        Assert.Equal("/my/cases", code.Headers.Location!.OriginalString);

        using var offSite = await app.Browser().PostFormAsync("/account/sign-in", "/account/sign-in?handler=Password",
            ("Login", id), ("Password", People.Password), ("ReturnUrl", "https://evil.example/my/cases"));
        Assert.Equal("/account", offSite.Headers.Location!.OriginalString);
    }

    [Theory, DatabaseLanes]
    public async Task A_newcomer_registers_from_the_sign_in_page_and_comes_back_to_the_page_they_wanted(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var client = app.Browser();
        var signIn = People.Text(await client.GetStringAsync($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(Apply)}"));
        var register = $"/account/register?ReturnUrl={Uri.EscapeDataString(Apply)}";
        Assert.Contains($"href=\"{register}\" id=\"register-link\"", signIn, StringComparison.Ordinal);

        using var registered = await client.PostFormAsync(register, register, ("Input.IdNumber", People.NewIdNumber()), ("Input.Name", "新来的"),
            ("Input.Phone", People.NewPhone()), ("Input.Password", People.Password), ("ReturnUrl", Apply));
        Assert.Equal(Apply, registered.Headers.Location!.OriginalString);
        using var offSite = await app.Browser().PostFormAsync("/account/register", "/account/register", ("Input.IdNumber", People.NewIdNumber()), ("Input.Name", "新来的"),
            ("Input.Phone", People.NewPhone()), ("Input.Password", People.Password), ("ReturnUrl", "//evil.example/"));
        Assert.Equal("/account", offSite.Headers.Location!.OriginalString);
    }
}
