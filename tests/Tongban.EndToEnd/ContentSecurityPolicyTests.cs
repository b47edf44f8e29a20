using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>
/// The pages the accessibility tests visit, in Chromium under the Content-Security-Policy as sent (no inline script or
/// style): the console reports no violation, the style sheet applies, the QR code's data: image shows.
/// </summary>
public sealed class ContentSecurityPolicyTests(Browser browser) : IClassFixture<Browser>
{
    private static IEnumerable<string> Paths(IEnumerable<ITheoryDataRow> rows, string? role = null) =>
        rows.Select(r => r.GetData()).Where(d => role is null || (string?)d[1] == role).Select(d => (string)d[0]!);

    [Fact]
    public async Task Public_citizen_and_administration_pages_report_no_content_security_policy_violation()
    {
        var page = await browser.OpenAsync("/", enforceCsp: true);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {message.Text}");
        };
        async Task VisitAsync(IEnumerable<string> paths)
        {
            foreach (var path in paths) await page.GotoAsync(new Uri(new Uri(page.Url), path).ToString());
        }

        await VisitAsync(Paths(AccessibilityTests.PublicPages));
        // The style sheet from 'self' applies: the header row is a flex box only by site.css.
        Assert.Equal("flex", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.header-row')).display"));
        await Browser.CitizenSignInAsync(page);
        await VisitAsync(Paths(AccessibilityTests.CitizenPages));
        await page.GotoAsync(new Uri(new Uri(page.Url), "/account/security").ToString());
        await Assertions.Expect(page.Locator("img[src^='data:image/png']")).ToBeVisibleAsync();
        await Browser.SignInAsync(page);
        await VisitAsync(Paths(AccessibilityTests.AdminPages, "系统管理员"));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
