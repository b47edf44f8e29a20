using System.Net;
using System.Net.Http.Json;

namespace Tongban.Halls.Tests;

/// <summary>
/// A rating tablet bound to its window: only the window's clerk makes a pairing code, a code pairs one tablet of that
/// window once, pairing again retires the older tablet, and a wrong code is told on the page without pairing anything.
/// </summary>
public sealed class TabletPairingTests(LaneApps lanes)
{
    private const string Hall = DemoHalls.Kaiyuan;

    [Theory, DatabaseLanes]
    public async Task A_code_pairs_one_tablet_of_its_window_once_and_pairing_again_retires_the_older_tablet(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clerk = await app.ClerkAsync(DemoHalls.KaiyuanDepartment);
        var code = await clerk.PairingCodeAsync(Hall, "02");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.Browser().PairAsync(Hall, "01", code)).StatusCode); // another window's code

        var first = app.Browser();
        Assert.Contains("尚未与本窗口配对", WebUtility.HtmlDecode(await first.GetStringAsync($"/halls/{Hall}/rate/02")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PairAsync(Hall, "02", code)).StatusCode);
        Assert.DoesNotContain("尚未与本窗口配对", WebUtility.HtmlDecode(await first.GetStringAsync($"/halls/{Hall}/rate/02")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await app.Browser().PairAsync(Hall, "02", code)).StatusCode); // used once

        var ticket = await ServedAsync(app, clerk, "02");
        var second = await app.TabletAsync(clerk, Hall, "02");
        using (var retired = await first.PostAsJsonAsync($"/api/halls/{Hall}/windows/02/rating", new { ticket, level = 5 }))
            Assert.Equal("tablet.not_paired", (await retired.Content.ReadFromJsonAsync<ProblemCode>())!.Code);
        using var rated = await second.PostAsJsonAsync($"/api/halls/{Hall}/windows/02/rating", new { ticket, level = 5 });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        var audit = await app.AuditOfAsync($"hall:{Hall}/window:02");
        Assert.Equal(2, audit.Count(e => e.Action == "halls.tablet_paired"));
    }

    [Theory, DatabaseLanes]
    public async Task Only_a_clerk_of_the_windows_department_makes_a_code(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var outsider = await app.ClerkAsync(DemoHalls.YinzhouDepartment);
        using var refused = await outsider.PostFormAsync($"/halls/{Hall}/counter", $"/halls/{Hall}/counter/03?handler=PairTablet");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().GetAsync($"/halls/{Hall}/counter/03")).StatusCode); // sign in first
    }

    [Theory, DatabaseLanes]
    public async Task Wrong_and_hostile_codes_are_told_on_the_page_and_pair_nothing(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var tablet = app.Browser();
        // A NUL in a form post is the host's to answer (docs/security.md, open items).
        foreach (var code in Fuzz.Strings("12345678", mutations: 15).Append("00000000").Append("").Where(c => !c.Contains('\0', StringComparison.Ordinal)))
        {
            using var answer = await tablet.PairAsync(Hall, "04", code);
            await Fuzz.AssertHandledAsync(answer, code, [HttpStatusCode.UnprocessableEntity, HttpStatusCode.BadRequest]);
            if (answer.StatusCode == HttpStatusCode.UnprocessableEntity)
                Assert.Contains("配对码不正确或已过期", WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        Assert.Contains("尚未与本窗口配对", WebUtility.HtmlDecode(await tablet.GetStringAsync($"/halls/{Hall}/rate/04")), StringComparison.Ordinal);
    }

    /// <summary>A ticket taken, called and served at the window: its number.</summary>
    private static async Task<string> ServedAsync(TongbanApp app, HttpClient clerk, string window)
    {
        var ticket = await app.Browser().TakeAsync(Hall, "B"); // served at 02
        while (await clerk.CallAsync(Hall, window) is { } n && n != ticket.Number) { }
        using (await clerk.ActAsync(Hall, window, "finish")) { }
        return ticket.Number;
    }

    private sealed record ProblemCode(string Code);
}
