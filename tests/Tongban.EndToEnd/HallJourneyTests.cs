using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Tongban.EndToEnd;

/// <summary>
/// A day in a hall in a real browser: a ticket taken at the kiosk by keyboard on a phone-sized screen, the call shown
/// live on the calling screen (its script under the real Content-Security-Policy), served at the window — the person
/// verified in person and their application taken from the ticket — and rated at the window's tablet, the rating then
/// on the case — each page readable and accessible.
/// </summary>
public sealed class HallJourneyTests(Browser browser)
{
    private const string Hall = "yinzhou";
    private const string Department = "11211202070242291R"; // 银州区's windows
    private const string Item = "11211202070242291R00013200100001"; // 烟草专卖零售许可证核发, an item of the same department

    [Fact]
    public async Task A_ticket_from_the_kiosk_is_called_on_the_screen_served_at_the_window_and_rated()
    {
        var kiosk = await browser.OpenAsync($"/halls/{Hall}/kiosk", width: 360);
        await Browser.AssertReadableAsync(kiosk);
        await Browser.AssertAccessibleAsync(kiosk);
        await kiosk.Locator("#take-C").FocusAsync();
        await kiosk.Keyboard.PressAsync("Enter");
        await Browser.ArrivedAsync(kiosk, new Regex($"/halls/{Hall}/tickets/"));
        var number = (await kiosk.Locator("#ticket-number").InnerTextAsync()).Trim();
        Assert.Matches("^C[0-9]{3}$", number);
        await Assertions.Expect(kiosk.Locator("#ticket-category")).ToHaveTextAsync("社会事务");
        await Browser.AssertReadableAsync(kiosk);
        await Browser.AssertFitsAsync(kiosk, "the ticket");
        await Browser.AssertAccessibleAsync(kiosk);

        var screen = await browser.OpenAsync($"/halls/{Hall}/screen", enforceCsp: true);
        await Assertions.Expect(screen.Locator("#screen")).ToHaveAttributeAsync("data-live", "true"); // the script ran under the CSP
        await Assertions.Expect(screen.Locator("#screen-speech")).ToBeVisibleAsync();

        var clerk = await browser.OpenAsync("/sign-in", width: 360);
        await Browser.StaffSignInAsync(clerk, "窗口人员", Department);
        await clerk.GotoAsync($"{browser.BaseUrl}/halls/{Hall}/counter/03");
        await clerk.Locator("#call-next").ClickAsync();
        await Assertions.Expect(clerk.Locator("#current-number")).ToHaveTextAsync(number);
        await Assertions.Expect(screen.Locator("#screen-calls")).ToContainTextAsync($"请{number}号到03号窗口办理"); // pushed, no reload
        await Browser.AssertReadableAsync(clerk);
        await Browser.AssertFitsAsync(clerk, "the window's calling page");
        await Browser.AssertAccessibleAsync(clerk);
        var plain = await browser.OpenAsync($"/halls/{Hall}/screen"); // axe-core is injected as inline script: not under the CSP
        await Assertions.Expect(plain.Locator("#screen-calls")).ToContainTextAsync(number);
        await Browser.AssertReadableAsync(plain);
        await Browser.AssertAccessibleAsync(plain);

        // The person at the window registered online; the clerk checks their ID card, then takes the application from the ticket.
        var idNumber = TestPeople.NewIdNumber();
        var person = await browser.OpenAsync("/", width: 360);
        await Browser.CitizenSignInAsync(person, idNumber, "窗口办事人");
        await person.Context.CloseAsync();
        await clerk.GotoAsync($"{browser.BaseUrl}/admin/identity/verify-in-person");
        await clerk.Locator("#IdNumber").FillAsync(idNumber);
        await clerk.Locator("#Name").FillAsync("窗口办事人");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "核验通过" }).ClickAsync();
        await Assertions.Expect(clerk.GetByRole(AriaRole.Status)).ToContainTextAsync("三级实名"); // verified before the window page is opened
        await clerk.GotoAsync($"{browser.BaseUrl}/halls/{Hall}/counter/03");
        await clerk.Locator("#start-walk-in").ClickAsync();
        await Assertions.Expect(clerk.Locator("#walk-in-ticket")).ToContainTextAsync($"为 {number} 号办理人收件");
        await Browser.AssertFitsAsync(clerk, "the walk-in page from a ticket");
        await clerk.Locator("#id-number").FillAsync(idNumber);
        await clerk.Locator("#item-code").FillAsync(Item);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await clerk.Locator("#form-store_kind").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await clerk.Locator("#form-address").FillAsync("银州区广裕街8号");
        await clerk.Locator("#form-mobile").FillAsync("13900000021");
        foreach (var material in new[] { "application_form", "business_licence", "operator_id_card", "premises_proof" })
            await clerk.Locator($"#material-{material}").FillAsync("原件已核验");
        await Assertions.Expect(clerk.Locator("#walk-in-ticket")).ToBeVisibleAsync(); // still from the ticket on the second step
        await clerk.GetByRole(AriaRole.Button, new() { Name = "提交收件" }).ClickAsync();
        await Browser.ArrivedAsync(clerk, new Regex("/admin/cases/[0-9]"));
        var caseAddress = clerk.Url;
        await clerk.GotoAsync($"{browser.BaseUrl}/halls/{Hall}/counter/03");
        await clerk.Locator("#finish").ClickAsync();
        await clerk.Locator("#pair-tablet").ClickAsync(); // the tablet is paired with the window by the code the clerk reads out
        var code = await clerk.Locator(".pairing-code").InnerTextAsync();

        var tablet = await browser.OpenAsync($"/halls/{Hall}/rate/03", width: 360);
        await tablet.Locator("#code").FillAsync(code);
        await tablet.Locator("#pair-submit").ClickAsync();
        await Assertions.Expect(tablet.Locator("main")).ToContainTextAsync($"您刚刚办理的号：{number}");
        await Browser.AssertAccessibleAsync(tablet);
        await tablet.GetByLabel("非常满意").CheckAsync();
        await tablet.GetByLabel("服务态度").CheckAsync();
        await tablet.Locator("#rate-submit").ClickAsync();
        await Assertions.Expect(tablet.Locator("#rate-thanks")).ToBeVisibleAsync();
        await Assertions.Expect(tablet.Locator("main")).Not.ToContainTextAsync(number); // rated once: nothing left to rate
        await Browser.AssertReadableAsync(tablet);

        await browser.DrainOutboxAsync(); // the rating joins the case's 好差评
        await clerk.GotoAsync(caseAddress);
        await Assertions.Expect(clerk.Locator("#case-ratings")).ToContainTextAsync("非常满意 · 现场评价");
        await Browser.AssertReadableAsync(clerk);
    }

    [Fact]
    public async Task The_city_centres_kiosk_fits_a_360_pixel_screen_in_large_text_in_both_languages()
    {
        // The city centre's categories have the longest names; in large text a long word once widened the page by 8 px.
        var kiosk = await browser.OpenAsync("/preferences/display?value=elder&returnUrl=%2F", width: 360);
        foreach (var language in new[] { "zh-CN", "en" })
        {
            await kiosk.GotoAsync($"{browser.BaseUrl}/preferences/language?value={language}&returnUrl=%2Fhalls%2Fcity-centre%2Fkiosk");
            await Assertions.Expect(kiosk.Locator("#take-C")).ToBeVisibleAsync();
            await Browser.AssertFitsAsync(kiosk, $"the kiosk, {language}, large text");
        }
        await kiosk.Context.CloseAsync();
    }

    [Fact]
    public async Task A_walk_in_with_four_ahead_sets_a_text_reminder_on_the_ticket_page_by_keyboard_in_large_text()
    {
        var kiosk = await browser.OpenAsync("/preferences/display?value=elder&returnUrl=%2F", width: 360);
        for (var i = 0; i < 5; i++) // no one calls category F of the city centre in this lane: the fifth has four ahead
        {
            await kiosk.GotoAsync($"{browser.BaseUrl}/halls/city-centre/kiosk");
            await kiosk.Locator("#take-F").ClickAsync();
            await Browser.ArrivedAsync(kiosk, new Regex("/halls/city-centre/tickets/"));
        }
        var form = kiosk.GetByRole(AriaRole.Form, new() { Name = "到号短信提醒（可不填）" });
        await Assertions.Expect(form).ToContainTextAsync("号码只用于这张号票");
        await Browser.AssertAccessibleAsync(kiosk);
        await Browser.AssertFitsAsync(kiosk, "the ticket with its reminder form, large text");
        await kiosk.GetByLabel("手机号码（11位）").FillAsync("1390000");
        await kiosk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(kiosk.Locator("#reminder-phone")).ToHaveAttributeAsync("aria-describedby", "reminder-hint");
        await Assertions.Expect(kiosk.GetByRole(AriaRole.Alert)).ToContainTextAsync("请填写11位手机号码");
        await kiosk.GetByLabel("手机号码（11位）").FillAsync("139 0000 1234");
        await kiosk.Keyboard.PressAsync("Enter");
        await Assertions.Expect(kiosk.Locator("#ticket-reminder")).ToHaveTextAsync("已设置：前面还剩3人时短信通知");
        Assert.DoesNotContain("1234", await kiosk.Locator("main").InnerTextAsync(), StringComparison.Ordinal); // the number is not shown back
        await Browser.AssertReadableAsync(kiosk);
        await Browser.AssertAccessibleAsync(kiosk);
        await kiosk.Context.CloseAsync();
    }

    [Fact]
    public async Task The_appointment_pages_choices_do_not_overlap_on_a_360_pixel_screen_in_large_text()
    {
        // Links styled as buttons were inline: their padding overlapped the next row's (seen by eye, not caught by width).
        var page = await browser.OpenSignedInAsync(Browser.Citizen, "/preferences/display?value=elder&returnUrl=%2F", width: 360);
        await page.GotoAsync($"{browser.BaseUrl}/halls/city-centre/appointments?category=A");
        var boxes = new List<(string Name, Microsoft.Playwright.LocatorBoundingBoxResult Box)>();
        foreach (var choice in await page.Locator("main .inline-list a").AllAsync())
            boxes.Add((await choice.InnerTextAsync(), (await choice.BoundingBoxAsync())!));
        Assert.True(boxes.Count >= 8, $"categories and days are offered ({boxes.Count})");
        for (var i = 0; i < boxes.Count; i++)
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i].Box, boxes[j].Box);
                var overlap = a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
                Assert.False(overlap, $"'{boxes[i].Name}' and '{boxes[j].Name}' overlap");
            }
        await Browser.AssertFitsAsync(page, "the appointment page, large text");
        await page.Context.CloseAsync();
    }
}
