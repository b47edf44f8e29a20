using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Tongban.Web.Tests;

/// <summary>Languages, display mode, error pages and operations endpoints of the host.</summary>
public sealed class ShellTests(LaneApps apps)
{
    private async Task<HttpClient> ClientAsync(DatabaseLane lane = DatabaseLane.Sqlite) =>
        (await apps.For(lane)).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    [Fact]
    public async Task Chinese_is_the_default_and_English_follows_Accept_Language()
    {
        var client = await ClientAsync();
        var chinese = await client.GetStringAsync("/");
        Assert.Contains("<html lang=\"zh-CN\"", chinese, StringComparison.Ordinal);
        Assert.Contains("个人办事", chinese, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        var english = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("For individuals", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_is_remembered_and_returns_to_the_same_page()
    {
        var client = await ClientAsync();
        var switched = await client.GetAsync("/preferences/language?value=en&returnUrl=%2Fhalls%2Fcity-centre");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/halls/city-centre", switched.Headers.Location!.OriginalString);
        Assert.Contains("Tieling Public Administrative Service Centre", await client.GetStringAsync("/halls/city-centre"), StringComparison.Ordinal);

        await client.GetAsync("/preferences/language?value=zh-CN&returnUrl=%2F");
        Assert.Contains("铁岭市公共行政服务中心", await client.GetStringAsync("/halls/city-centre"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task A_preference_switch_never_redirects_off_site(string returnUrl)
    {
        var client = await ClientAsync();
        var response = await client.GetAsync($"/preferences/display?value=elder&returnUrl={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_preference_switch_returns_to_a_page_whose_address_holds_chinese()
    {
        var client = await ClientAsync();
        var response = await client.GetAsync($"/preferences/display?value=elder&returnUrl={Uri.EscapeDataString("/search?q=户口 迁移")}");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/search?q=%E6%88%B7%E5%8F%A3%20%E8%BF%81%E7%A7%BB", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Large_text_mode_persists_across_pages_until_switched_off()
    {
        var client = await ClientAsync();
        await client.GetAsync("/preferences/display?value=elder&returnUrl=%2F");
        Assert.Contains("class=\"elder\"", await client.GetStringAsync("/halls"), StringComparison.Ordinal);
        Assert.Contains("class=\"elder\"", await client.GetStringAsync("/about"), StringComparison.Ordinal);
        await client.GetAsync("/preferences/display?value=standard&returnUrl=%2F");
        Assert.DoesNotContain("class=\"elder\"", await client.GetStringAsync("/halls"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_hall_is_a_404_page_in_the_current_language()
    {
        var client = await ClientAsync();
        var chinese = await client.GetAsync("/halls/no-such-hall");
        Assert.Equal(HttpStatusCode.NotFound, chinese.StatusCode);
        Assert.Contains("页面不存在", await chinese.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await client.GetAsync("/preferences/language?value=en&returnUrl=%2F");
        var english = await client.GetAsync("/halls/no-such-hall");
        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Contains("Page not found", await english.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_problem_document_not_a_page()
    {
        var response = await (await ClientAsync()).GetAsync("/api/organization/halls/no-such-hall");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Readiness_checks_the_database_and_its_migrations(DatabaseLane lane)
    {
        var client = await ClientAsync(lane);
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_organisation_api_and_has_a_reference_page()
    {
        var client = await ClientAsync();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/organization/halls/{slug}", out _));
        Assert.True(paths.TryGetProperty("/api/organization/divisions/import", out _));
        var reference = await client.GetAsync("/openapi");
        if (reference.StatusCode is HttpStatusCode.Found or HttpStatusCode.MovedPermanently)
            reference = await client.GetAsync(reference.Headers.Location!);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("Tongban API", await reference.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_are_exposed_for_Prometheus()
    {
        var client = await ClientAsync();
        await client.GetStringAsync("/halls");
        var metrics = await client.GetStringAsync("/metrics");
        Assert.Contains("http_server_request_duration_seconds", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chinese_text_is_sent_as_UTF_8_not_as_character_references()
    {
        var html = await (await ClientAsync()).GetStringAsync("/halls/city-centre");
        Assert.Contains("凡河新区金沙江路36号", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("&#x[4-9][0-9A-F]{3};", html); // no CJK ideograph as a character reference
    }
}
