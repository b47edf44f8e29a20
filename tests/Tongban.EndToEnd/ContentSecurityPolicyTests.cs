using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>
/// The pages the accessibility tests visit, in Chromium under the Content-Security-Policy as sent (no inline script or
/// style): the console reports no violation, the style sheet applies, the QR code's data: image shows.
/// </summary>
public sealed class ContentSecurityPolicyTests(Browser browser)
{
    private static IEnumerable<string> Paths(IEnumerable<ITheoryDataRow> rows, string? role = null) =>
        rows.Select(r => r.GetData()).Where(d => role is null || (string?)d[1] == role).Select(d => (string)d[0]!);

    [Fact]
    public async Task Public_citizen_and_administration_pages_report_no_content_security_policy_violation()
    {
        var violations = new List<string>();
        async Task<IPage> OpenAsync()
        {
            var page = await browser.OpenAsync("/", enforceCsp: true);
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add($"{page.Url}: {message.Text}");
            };
            return page;
        }
        static async Task VisitAsync(IPage page, IEnumerable<string> paths)
        {
            foreach (var path in paths) await page.GotoAsync(new Uri(new Uri(page.Url), path).ToString());
        }

        var citizen = await OpenAsync();
        await VisitAsync(citizen, Paths(AccessibilityTests.PublicPages));
        // The style sheet from 'self' applies: the header row is a flex box only by site.css.
        Assert.Equal("flex", await citizen.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.header-row')).display"));
        await Browser.CitizenSignInAsync(citizen);
        await VisitAsync(citizen, Paths(AccessibilityTests.CitizenPages));
        await citizen.GotoAsync(new Uri(new Uri(citizen.Url), "/account/security").ToString());
        await Assertions.Expect(citizen.Locator("img[src^='data:image/png']")).ToBeVisibleAsync();
        // Staff in a browser of their own: the citizen's page shows a sign-out button that a sign-in button would be confused with.
        var staff = await OpenAsync();
        await Browser.SignInAsync(staff);
        await VisitAsync(staff, Paths(AccessibilityTests.AdminPages, "系统管理员"));

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }
}
