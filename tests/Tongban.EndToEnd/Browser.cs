using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>
/// The real host on Kestrel (SQLite, demo region) and Debian's Chromium driven by Playwright, shared by a
/// test class. Started by the first test that asks, so a missing browser skips that test with its reason.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private static readonly string AxeScript = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "node_modules", "axe-core", "axe.min.js");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TestDatabase? _database;
    private TongbanApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The running host's services and database, for a test that must prepare data no page makes (once a page has opened).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Open a page first.");

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Open a page first.");

    public async Task<IPage> OpenAsync(string path, int width = 1280)
    {
        await StartAsync();
        var context = await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 }, Locale = "zh-CN" });
        // CI runs the test assemblies side by side on two cores: allow for a slow machine.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + path);
        return page;
    }

    private async Task StartAsync()
    {
        var chromium = Lanes.RequireChromium();
        if (!File.Exists(AxeScript))
            Lanes.RequireBrowserTool($"axe-core is not installed at {Path.GetFullPath(AxeScript)}: run `npm ci` in tests/Tongban.EndToEnd (the build tries it)");
        await _gate.WaitAsync();
        try
        {
            if (_browser is not null) return;
            _database = await TestDatabase.CreateAsync(DatabaseLane.Sqlite);
            _app = new TongbanApp(_database);
            _app.UseKestrel(0);
            _app.StartServer();
            BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
            });
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Signs the page's browser context in through the sign-in form, as a system administrator unless another role is named.</summary>
    public static async Task SignInAsync(IPage page, string role = "系统管理员")
    {
        await page.GotoAsync(new Uri(new Uri(page.Url), "/sign-in").ToString());
        await page.GetByLabel("姓名").FillAsync("测试管理员");
        await page.GetByLabel(role, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/admin", new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "管理", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Registers a new citizen through <c>/account/register</c> (L1) in the page's browser context, which is then signed in as them.</summary>
    public static async Task CitizenSignInAsync(IPage page)
    {
        await page.GotoAsync(new Uri(new Uri(page.Url), "/account/register").ToString());
        await page.Locator("#Input_IdNumber").FillAsync(TestPeople.NewIdNumber());
        await page.Locator("#Input_Name").FillAsync("无障碍测试");
        await page.Locator("#Input_Phone").FillAsync(TestPeople.NewPhone());
        await page.Locator("#Input_Password").FillAsync(TestPeople.Password);
        await page.Locator("form:has(#Input_IdNumber)").GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await page.WaitForURLAsync("**/account", new() { WaitUntil = WaitUntilState.Commit });
    }

    /// <summary>Fails with every violation listed when axe-core finds any on the page.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var violations = await AccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"{page.Url}:\n{string.Join("\n", violations)}");
    }

    /// <summary>Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page; returns one line per violation.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = AxeScript });
        var json = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
            ".map(v => ({ id: v.id, help: v.help, targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))");
        return json.EnumerateArray()
            .Select(v => $"{v.GetProperty("id")}: {v.GetProperty("help")} at {string.Join(" | ", v.GetProperty("targets").EnumerateArray())}")
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
        _gate.Dispose();
    }
}
