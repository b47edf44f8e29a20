using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>
/// The real host on Kestrel (SQLite, demo region) and Debian's Chromium driven by Playwright, shared by a
/// test assembly (SharedApps.cs). Started by the first test that asks, so a missing browser skips that test with its reason.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    private static readonly string AxeScript = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "node_modules", "axe-core", "axe.min.js");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _signedIn = new();
    private TestDatabase? _database;
    private TongbanApp? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The running host's services and database, for a test that must prepare data no page makes (once a page has opened).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Open a page first.");

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Open a page first.");

    /// <summary>Runs the outbox once (the test host keeps its worker off): notifications are sent, audit entries appended.</summary>
    public Task<int> DrainOutboxAsync() => _app!.DrainOutboxAsync();

    /// <summary>
    /// A new browser context at <paramref name="path"/>, with or without JavaScript. The Content-Security-Policy forbids
    /// inline script, and axe-core is injected as one (<see cref="AccessibilityViolationsAsync"/>), so contexts bypass it
    /// unless <paramref name="enforceCsp"/> asks for the page as a visitor's browser sees it.
    /// </summary>
    public async Task<IPage> OpenAsync(string path, int width = 1280, bool javaScript = true, bool enforceCsp = false) =>
        await OpenAsync(path, width, javaScript, enforceCsp, storageState: null);

    /// <summary>The role's name for <see cref="OpenSignedInAsync"/> that means a newly registered citizen (L1).</summary>
    public const string Citizen = "citizen";

    /// <summary>
    /// A new browser context at <paramref name="path"/>, signed in as <paramref name="who"/> (a staff role, or
    /// <see cref="Citizen"/>) with the cookies of one sign-in per role that the fixture keeps: for tests about the pages
    /// behind the sign-in, which is itself walked by the journeys.
    /// </summary>
    public async Task<IPage> OpenSignedInAsync(string who, string path, int width = 1280)
    {
        var state = await _signedIn.GetOrAdd(who, w => new Lazy<Task<string>>(() => SignInStateAsync(w))).Value;
        return await OpenAsync(path, width, javaScript: true, enforceCsp: false, state);
    }

    private async Task<string> SignInStateAsync(string who)
    {
        var page = await OpenAsync("/");
        if (who == Citizen) await CitizenSignInAsync(page);
        else await SignInAsync(page, who);
        var state = await page.Context.StorageStateAsync();
        await page.Context.CloseAsync();
        return state;
    }

    private async Task<IPage> OpenAsync(string path, int width, bool javaScript, bool enforceCsp, string? storageState)
    {
        await StartAsync();
        var context = await _browser!.NewContextAsync(new()
        {
            ViewportSize = new() { Width = width, Height = 900 }, Locale = "zh-CN", JavaScriptEnabled = javaScript, BypassCSP = !enforceCsp,
            StorageState = storageState,
        });
        // CI runs the test assemblies side by side on two cores: allow for a slow machine, in actions and in
        // expectations that wait for a page's script (the division picker fetches one level after another).
        context.SetDefaultTimeout(60_000);
        Assertions.SetDefaultExpectTimeout(30_000);
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
            _database = await TestDatabase.CreateWithDemoRegionAsync(DatabaseLane.Sqlite);
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
        await ArrivedAsync(page, "/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "管理", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Registers a new citizen through <c>/account/register</c> (L1) in the page's browser context, which is then signed in as them.</summary>
    public static async Task CitizenSignInAsync(IPage page, string? idNumber = null, string name = "无障碍测试")
    {
        await page.GotoAsync(new Uri(new Uri(page.Url), "/account/register").ToString());
        await page.Locator("#Input_IdNumber").FillAsync(idNumber ?? TestPeople.NewIdNumber());
        await page.Locator("#Input_Name").FillAsync(name);
        await page.Locator("#Input_Phone").FillAsync(TestPeople.NewPhone());
        await page.Locator("#Input_Password").FillAsync(TestPeople.Password);
        await page.Locator("form:has(#Input_IdNumber)").GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await ArrivedAsync(page, "/account");
    }

    /// <summary>
    /// Fails when the visible text of the page shows an internal key (<see cref="ReadableText"/>): a GUID, <c>user:</c>,
    /// a snake_case or dotted key, a raw enum name, or — on a Chinese page — a stray English word. Journeys call it after
    /// each page they reach.
    /// </summary>
    public static async Task AssertReadableAsync(IPage page)
    {
        var text = await page.Locator("body").InnerTextAsync();
        var chinese = await page.GetAttributeAsync("html", "lang") == "zh-CN";
        var keys = ReadableText.KeysIn(text, chinese);
        Assert.True(keys.Count == 0, $"{page.Url} shows internal keys:\n{string.Join("\n", keys)}");
    }

    /// <summary>Fails when the page is wider than its window: a 360 px phone would have to scroll sideways.</summary>
    public static async Task AssertFitsAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} ({what}) is {widths[0] - widths[1]}px wider than the screen");
    }

    /// <summary>Signs the page's browser context in as the demo citizen 张建国 (L2, verified against the population registry).</summary>
    public static async Task DemoCitizenSignInAsync(IPage page)
    {
        await page.GotoAsync(new Uri(new Uri(page.Url), "/account/sign-in").ToString());
        await page.Locator("#Login").FillAsync("211221196805129013");
        await page.Locator("#Password").FillAsync("Tongban-Demo-2026");
        await page.Locator("form:has(#Login)").GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await ArrivedAsync(page, LeftSignIn);
    }

    /// <summary>The development sign-in as 测试{role} of <paramref name="department"/> (a credit code) holding <paramref name="role"/>.</summary>
    public static async Task StaffSignInAsync(IPage page, string role, string department)
    {
        await page.GotoAsync(new Uri(new Uri(page.Url), "/preferences/language?value=zh-CN&returnUrl=%2Fsign-in").ToString()); // the labels below are Chinese
        await page.GetByLabel("姓名").FillAsync("测试" + role);
        await page.GetByLabel(role, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("所属部门（统一社会信用代码，可不填）").FillAsync(department);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await ArrivedAsync(page, "/admin");
    }

    /// <summary>Any address but the citizens' sign-in page: where signing in leads.</summary>
    public static readonly Regex LeftSignIn = new("^(?!.*/account/sign-in)");

    /// <summary>Waits until the page's address ends with <paramref name="path"/> and that page has loaded (a form's redirect, a link).</summary>
    public static Task ArrivedAsync(IPage page, string path) => ArrivedAsync(page, new Regex(Regex.Escape(path) + "$"));

    /// <summary>
    /// Waits until the page's address matches <paramref name="address"/> and that page has loaded. Both are polled:
    /// <c>WaitForURLAsync</c> waits for a load state once the address already matches, and that wait has hung for a
    /// minute when the navigation landed just before it began (twice in CI). On failure it says where the page is and
    /// what it shows.
    /// </summary>
    public static async Task ArrivedAsync(IPage page, Regex address)
    {
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(address);
            await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { PollingInterval = 100 });
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new TimeoutException($"The page did not reach {address}; it is {page.Url}:\n{text[..Math.Min(text.Length, 1500)]}", e);
        }
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
