using System.Net;
using Tongban.Kernel.Security;

namespace Tongban.Organization.Tests;

/// <summary>The admin pages answer bad input inline, on the field, in the reader's language, and store nothing.</summary>
public sealed class AdminPageTests(LaneApps apps)
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields, string? language = null)
    {
        fields["__RequestVerificationToken"] = await TongbanApp.AntiforgeryTokenAsync(client, path);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{path}?handler={handler}") { Content = new FormUrlEncodedContent(fields) };
        if (language is not null) request.Headers.AcceptLanguage.ParseAdd(language);
        return await client.SendAsync(request);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_bad_division_code_in_the_form_is_shown_on_the_field_in_Chinese(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("管理员", Policies.SystemAdministrator);
        var response = await PostFormAsync(admin, "/admin/organization/divisions", "Add", new() { ["Input.Code"] = "2112", ["Input.Name"] = "坏代码" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("<span class=\"field-error field-validation-error\" data-valmsg-for=\"Input.Code\"[^>]*>行政区划代码应为6、9或12位数字</span>", html);
        Assert.Contains("value=\"坏代码\"", html, StringComparison.Ordinal); // what was typed stays
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_duplicate_credit_code_in_the_department_form_is_shown_in_English_when_asked(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("admin", Policies.SystemAdministrator);
        var response = await PostFormAsync(admin, "/admin/organization/departments", "", new()
        {
            ["Input.Name"] = "Duplicate", ["Input.CreditCode"] = "11211200028410570F", ["Input.DivisionCode"] = "211200",
        }, "en");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Credit code 11211200028410570F belongs to another department", html, StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_admin_area_sends_a_visitor_to_sign_in(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/admin/organization/halls");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal); // a local path
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_administrator_edits_the_hall_hours_through_the_form(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("管理员", Policies.SystemAdministrator);
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = "西丰县公共行政服务中心", ["Input.DivisionCode"] = "211223", ["Input.Address"] = "西丰县西丰镇",
            ["Input.OpeningHours"] = "8:00-11:30，13:30-17:00", ["Input.BusRoutes"] = "1路、3路",
        };
        var visitor = app.CreateClient();
        Assert.DoesNotContain("08:00–11:30", await visitor.GetStringAsync("/halls/xifeng"), StringComparison.Ordinal); // now cached
        var response = await PostFormAsync(admin, "/admin/organization/halls/xifeng", "", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await visitor.GetStringAsync("/halls/xifeng"); // the edit evicted the cached page
        Assert.Contains("08:00–11:30，13:30–17:00", page, StringComparison.Ordinal);

        form["Input.OpeningHours"] = "上午";
        var bad = await PostFormAsync(admin, "/admin/organization/halls/xifeng", "", form);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("无法识别办公时段“上午”", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
