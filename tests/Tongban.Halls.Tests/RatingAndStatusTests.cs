using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Halls.Features;
using Tongban.Halls.Features.Screen;

namespace Tongban.Halls.Tests;

/// <summary>评价器 once per served ticket; the hall's status on its page and the API; the screen's live stream.</summary>
public sealed class RatingAndStatusTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task A_served_ticket_is_rated_once_at_its_window_and_a_second_rating_is_refused(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var visitor = app.Browser();
        var clerk = await app.ClerkAsync(DemoHalls.YinzhouDepartment);
        const string Hall = DemoHalls.Yinzhou;
        var ticket = await visitor.TakeAsync(Hall, "E");
        while (await clerk.CallAsync(Hall, "05") is { } n && n != ticket.Number) { }
        var tablet = await app.TabletAsync(clerk, Hall, "05");
        using (var early = await tablet.PostAsJsonAsync($"/api/halls/{Hall}/windows/05/rating", new { ticket = ticket.Number, level = 5, indicators = new[] { "attitude" } }))
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode); // not served yet
        using (await clerk.ActAsync(Hall, "05", "finish")) { }
        Assert.Contains($"您刚刚办理的号：{ticket.Number}", WebUtility.HtmlDecode(await tablet.GetStringAsync($"/halls/{Hall}/rate/05")), StringComparison.Ordinal);
        using (var unpaired = await visitor.PostAsJsonAsync($"/api/halls/{Hall}/windows/05/rating", new { ticket = ticket.Number, level = 1 }))
            Assert.Equal(HttpStatusCode.Forbidden, unpaired.StatusCode); // any other device: refused before anything is looked up
        Assert.DoesNotContain(ticket.Number, WebUtility.HtmlDecode(await visitor.GetStringAsync($"/halls/{Hall}/rate/05")), StringComparison.Ordinal);
        using (var elsewhere = await tablet.PostAsJsonAsync($"/api/halls/{Hall}/windows/04/rating", new { ticket = ticket.Number, level = 5 }))
            Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode); // paired with 05, not 04
        using var rated = await tablet.PostFormAsync($"/halls/{Hall}/rate/05", $"/halls/{Hall}/rate/05", ("Ticket", ticket.Number), ("Level", "2"), ("Indicators", "attitude"), ("Comment", "等候太久"));
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        Assert.Contains("感谢您的评价", WebUtility.HtmlDecode(await tablet.GetStringAsync(rated.Headers.Location!.ToString())), StringComparison.Ordinal);
        using var again = await tablet.PostAsJsonAsync($"/api/halls/{Hall}/windows/05/rating", new { ticket = ticket.Number, level = 5 });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("只能评价一次", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(ticket.Number, WebUtility.HtmlDecode(await tablet.GetStringAsync($"/halls/{Hall}/rate/05")), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Two_ratings_of_one_ticket_sent_together_leave_exactly_one(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var clerk = await app.ClerkAsync(DemoHalls.QingheDepartment);
        var ticket = await app.Browser().TakeAsync(DemoHalls.Qinghe, "D");
        while (await clerk.CallAsync(DemoHalls.Qinghe, "04") is { } n && n != ticket.Number) { }
        using (await clerk.ActAsync(DemoHalls.Qinghe, "04", "finish")) { }
        var tablet = await app.TabletAsync(clerk, DemoHalls.Qinghe, "04");
        var answers = await Task.WhenAll(Enumerable.Range(1, 5).Select(async level =>
        {
            using var r = await tablet.PostAsJsonAsync($"/api/halls/{DemoHalls.Qinghe}/windows/04/rating", new { ticket = ticket.Number, level });
            return r.StatusCode;
        }));
        Assert.Equal(1, answers.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(4, answers.Count(s => s == HttpStatusCode.Conflict));
    }

    [Theory, DatabaseLanes]
    public async Task The_hall_status_counts_people_waiting_open_windows_and_the_average_wait(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var visitor = app.Browser();
        const string Hall = DemoHalls.Changtu;
        var before = await StatusAsync(visitor, Hall);
        await visitor.TakeAsync(Hall, "B");
        await visitor.TakeAsync(Hall, "B");
        var taken = await StatusAsync(visitor, Hall);
        Assert.Equal(Waiting(before, "B") + 2, Waiting(taken, "B"));
        var clerk = await app.ClerkAsync(DemoHalls.ChangtuDepartment);
        Assert.NotNull(await clerk.CallAsync(Hall, "02"));
        var called = await StatusAsync(visitor, Hall);
        Assert.Equal(Waiting(taken, "B") - 1, Waiting(called, "B"));
        Assert.Equal(1, called.GetProperty("openWindows").GetInt32());
        Assert.True(called.GetProperty("averageWaitMinutes").GetDouble() >= 0);
        using (var closed = await clerk.PostFormAsync($"/halls/{Hall}/counter/02", $"/halls/{Hall}/counter/02?handler=Close")) Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(0, (await StatusAsync(visitor, Hall)).GetProperty("openWindows").GetInt32());
        var page = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/halls/{Hall}"));
        Assert.Contains("id=\"hall-queue\">排队情况<", page, StringComparison.Ordinal);
        Assert.Contains("今日平均等候", page, StringComparison.Ordinal);
        Assert.Contains($"/halls/{Hall}/kiosk", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/halls/{Hall}/appointments\"", page, StringComparison.Ordinal); // a citizen finds booking on the hall's page
    }

    [Theory, DatabaseLanes]
    public async Task The_screen_stream_sends_a_call_as_it_is_made(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        const string Hall = DemoHalls.Diaobingshan;
        var ticket = await app.Browser().TakeAsync(Hall, "C");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var stream = await app.Browser().GetAsync($"/halls/{Hall}/screen/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync(timeout.Token));
        var first = await NextStateAsync(reader, timeout.Token);
        Assert.DoesNotContain($"请{ticket.Number}号", first, StringComparison.Ordinal);
        var clerk = await app.ClerkAsync(DemoHalls.DiaobingshanDepartment);
        while (await clerk.CallAsync(Hall, "03") is { } n && n != ticket.Number) { }
        string state;
        do state = await NextStateAsync(reader, timeout.Token); while (!state.Contains($"请{ticket.Number}号到03号窗口办理", StringComparison.Ordinal));
        var screen = WebUtility.HtmlDecode(await app.Browser().GetStringAsync($"/halls/{Hall}/screen"));
        Assert.Contains($"请{ticket.Number}号到03号窗口办理", screen, StringComparison.Ordinal);
        Assert.Contains("/js/hall-screen.js", screen, StringComparison.Ordinal);
        Assert.Contains("http-equiv=\"refresh\"", screen, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task The_screens_of_a_hall_share_one_read_of_its_state_until_it_changes(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (feed, signals) = (app.Services.GetRequiredService<ScreenFeed>(), app.Services.GetRequiredService<HallSignals>());
        var hall = Guid.NewGuid(); // a hall no other test touches: nothing else changes it
        var first = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => feed.LatestAsync(hall, CancellationToken.None))));
        Assert.All(first, s => Assert.Same(first[0], s)); // 50 screens woken at once: one read
        Assert.Contains("\"calls\":[]", first[0].State, StringComparison.Ordinal);
        Assert.False(first[0].Change.IsCompleted);

        signals.Changed(hall);
        Assert.True(first[0].Change.IsCompleted); // every stream wakes
        var next = await feed.LatestAsync(hall, CancellationToken.None);
        Assert.NotSame(first[0], next); // and the first to ask reads again
        Assert.Same(next, await feed.LatestAsync(hall, CancellationToken.None));
    }

    private static async Task<string> NextStateAsync(StreamReader reader, CancellationToken ct)
    {
        while (await reader.ReadLineAsync(ct) is { } line)
            if (line.StartsWith("data: ", StringComparison.Ordinal)) return line[6..];
        throw new InvalidOperationException("the stream ended");
    }

    private static async Task<JsonElement> StatusAsync(HttpClient client, string hall) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/halls/{hall}/status")).RootElement;

    private static int Waiting(JsonElement status, string letter) =>
        status.GetProperty("categories").EnumerateArray().Single(c => c.GetProperty("letter").GetString() == letter).GetProperty("waiting").GetInt32();
}
