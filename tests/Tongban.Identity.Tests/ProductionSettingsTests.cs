using System.Net;

namespace Tongban.Identity.Tests;

/// <summary>Without the development sign-in: /sign-in leads to the real sign-in, /dev/sms is absent, SMS codes are refused plainly.</summary>
public sealed class ProductionSettingsTests
{
    [Theory, DatabaseLanes]
    public async Task Without_the_development_sign_in_the_old_page_points_to_the_real_one_and_dev_sms_is_gone(DatabaseLane lane)
    {
        await using var database = await TestDatabase.CreateWithDemoRegionAsync(lane);
        await using var app = new TongbanApp(database, new Dictionary<string, string?> { ["Authentication:DevelopmentSignIn"] = "false" });
        var client = app.Browser();
        using var old = await client.GetAsync("/sign-in?ReturnUrl=%2Fadmin");
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
        Assert.Equal("/account/sign-in?ReturnUrl=%2Fadmin", old.Headers.Location!.OriginalString);
        using var sms = await client.GetAsync("/dev/sms");
        Assert.Equal(HttpStatusCode.NotFound, sms.StatusCode);

        var (_, phone, _) = await app.RegisterAsync();
        using var send = await client.PostFormAsync("/account/sign-in", "/account/sign-in?handler=SendCode", ("Phone", phone));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, send.StatusCode);
        Assert.Contains("短信服务尚未配置", People.Text(await send.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
