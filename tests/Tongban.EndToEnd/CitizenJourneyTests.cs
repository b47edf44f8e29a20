using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tongban.Applications.Contracts;

namespace Tongban.EndToEnd;

/// <summary>
/// The citizen's way in, in a real browser: from a guide to the form through the citizen sign-in and back; the header's
/// menu at 360 px; and my cases paged through when there are more than fit one page.
/// </summary>
public sealed partial class CitizenJourneyTests(Browser browser) : IClassFixture<Browser>
{
    private const string ResidencePermit = "11211200061012195B00070501100001"; // 居住证申领: online, with a form, L2
    private const string Citizen = "211221196805129013"; // 张建国, L2

    [Fact]
    public async Task An_anonymous_visitor_follows_apply_online_from_the_guide_signs_in_and_is_back_at_the_form()
    {
        var page = await browser.OpenAsync($"/items/{ResidencePermit}");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "在线办理", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/sign-in?ReturnUrl=", StringComparison.Ordinal)); // the citizens' sign-in, not the staff one
        await page.Locator("#Login").FillAsync(Citizen);
        await page.Locator("#Password").FillAsync("Tongban-Demo-2026");
        await page.Locator("form:has(#Login)").GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.WaitForURLAsync($"**/apply/{ResidencePermit}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "居住证申领", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByLabel("居住地址 *")).ToBeVisibleAsync(); // the form itself: his level (L2) is enough
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task At_360_pixels_the_header_is_one_menu_that_opens_to_my_space_by_keyboard()
    {
        var page = await browser.OpenAsync("/account/sign-in", width: 360);
        await SignInAsync(page);
        await page.GotoAsync(browser.BaseUrl + "/halls");
        var menu = page.Locator("#menu-button");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#my-cases-link")).ToBeHiddenAsync();
        var header = await page.Locator(".site-header").BoundingBoxAsync();
        Assert.True(header!.Height < 140, $"the closed header is {header.Height}px high");

        await menu.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "我的空间" }).GetByRole(AriaRole.Link, new() { Name = "我的办件" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#messages-link")).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the open menu is {overflow}px wider than the screen");
        await Browser.AssertAccessibleAsync(page);
        await page.Locator("#my-cases-link").ClickAsync();
        await page.WaitForURLAsync("**/my/cases");

        var wide = await browser.OpenAsync("/account/sign-in");
        await SignInAsync(wide);
        await wide.GotoAsync(browser.BaseUrl + "/halls");
        await Assertions.Expect(wide.Locator("#menu-button")).ToBeHiddenAsync(); // a row of links on a wide screen
        await Assertions.Expect(wide.Locator("#my-cases-link")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_citizen_with_more_cases_than_a_page_reaches_the_older_ones_with_next_page()
    {
        var page = await browser.OpenAsync("/account/sign-in");
        await SignInAsync(page);
        var numbers = await GiveCasesAsync(page, 60);

        await page.GotoAsync(browser.BaseUrl + "/my/cases");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = numbers[0], Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = numbers[^1], Exact = true })).ToHaveCountAsync(0);
        await page.Locator("#next-page").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("after=", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = numbers[^1], Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#next-page")).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page);
    }

    private static async Task SignInAsync(IPage page)
    {
        await page.Locator("#Login").FillAsync(Citizen);
        await page.Locator("#Password").FillAsync("Tongban-Demo-2026");
        await page.Locator("form:has(#Login)").GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    /// <summary>
    /// Synthetic cases (the <c>tongban generate cases</c> generator) made the signed-in citizen's, newest first. No page
    /// makes sixty cases quickly, so the generator writes them and they are given to him in the database.
    /// </summary>
    private async Task<List<string>> GiveCasesAsync(IPage page, int count)
    {
        var me = await page.Context.APIRequest.GetAsync(browser.BaseUrl + "/api/identity/me");
        var id = Guid.Parse(IdPattern().Match(await me.TextAsync()).Groups[1].Value);
        await using (var scope = browser.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ICaseGenerator>().GenerateAsync(count, 11, [ResidencePermit], null, CancellationToken.None);
        await using var db = new SqliteConnection($"Data Source={Path.Combine(browser.Database.DataDirectory, "tongban.db")}");
        await db.OpenAsync();
        await using var update = db.CreateCommand();
        update.CommandText = "UPDATE app_cases SET applicant_id = $id WHERE submission_key LIKE 'generated:%'";
        update.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant()); // as EF Core keeps a GUID on SQLite
        Assert.Equal(count, await update.ExecuteNonQueryAsync());
        await using var read = db.CreateCommand();
        read.CommandText = "SELECT number FROM app_cases WHERE applicant_id = $id ORDER BY submitted_at DESC, number DESC";
        read.Parameters.AddWithValue("$id", id.ToString().ToUpperInvariant());
        var numbers = new List<string>();
        await using var rows = await read.ExecuteReaderAsync();
        while (await rows.ReadAsync()) numbers.Add(rows.GetString(0));
        return numbers;
    }

    [GeneratedRegex("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"")]
    private static partial Regex IdPattern();
}
