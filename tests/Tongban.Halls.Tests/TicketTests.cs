using System.Net;
using System.Text.RegularExpressions;

namespace Tongban.Halls.Tests;

/// <summary>取号: numbers per category and day, how many are ahead, the kiosk page, the ticket page, numbers under concurrency.</summary>
public sealed class TicketTests(LaneApps lanes)
{
    [Theory, DatabaseLanes]
    public async Task Tickets_of_a_category_are_numbered_in_turn_and_count_the_people_ahead(DatabaseLane lane)
    {
        var visitor = (await lanes.For(lane)).Browser();
        var first = await visitor.TakeAsync(DemoHalls.Qinghe, "b");
        var second = await visitor.TakeAsync(DemoHalls.Qinghe, "B");
        var other = await visitor.TakeAsync(DemoHalls.Qinghe, "C");
        Assert.Matches("^B[0-9]{3}$", first.Number);
        Assert.Equal(int.Parse(first.Number[1..]) + 1, int.Parse(second.Number[1..]));
        Assert.Equal(first.Ahead + 1, second.Ahead);
        Assert.StartsWith("C", other.Number, StringComparison.Ordinal);
        Assert.Equal("企业开办", second.Category);
        Assert.Equal("Waiting", second.Status);
        Assert.Equal(second.Ahead, (await visitor.TicketAsync(DemoHalls.Qinghe, second.Number.ToLowerInvariant()))!.Ahead);
    }

    [Theory, DatabaseLanes]
    public async Task The_kiosk_takes_a_ticket_by_its_large_button_and_shows_it_with_the_people_ahead(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var visitor = app.Browser();
        var kiosk = WebUtility.HtmlDecode(await visitor.GetStringAsync($"/halls/{DemoHalls.Xifeng}/kiosk"));
        Assert.Contains("id=\"take-D\"", kiosk, StringComparison.Ordinal);
        Assert.Contains("投资项目审批", kiosk, StringComparison.Ordinal);
        var ahead = (await visitor.TakeAsync(DemoHalls.Xifeng, "D")).Ahead + 1;
        using var taken = await visitor.PostFormAsync($"/halls/{DemoHalls.Xifeng}/kiosk", $"/halls/{DemoHalls.Xifeng}/kiosk", ("category", "D"));
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        var page = WebUtility.HtmlDecode(await visitor.GetStringAsync(taken.Headers.Location!.ToString()));
        var number = Regex.Match(page, "id=\"ticket-number\">(D[0-9]{3})<").Groups[1].Value;
        Assert.NotEqual("", number);
        Assert.Contains($"id=\"ticket-ahead\">{ahead} 人<", page, StringComparison.Ordinal);
        Assert.Contains("请取走您的号票", page, StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task A_category_the_hall_does_not_have_is_refused_with_a_message_and_no_ticket(DatabaseLane lane)
    {
        var visitor = (await lanes.For(lane)).Browser();
        using var refused = await visitor.PostFormAsync($"/halls/{DemoHalls.Xifeng}/kiosk", $"/halls/{DemoHalls.Xifeng}/kiosk", ("category", "E")); // 西丰 has windows 01–04 only
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("本大厅没有这个业务类别", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Null(await visitor.TicketAsync(DemoHalls.Xifeng, "E001"));
        using var lookup = await visitor.GetAsync($"/halls/{DemoHalls.Xifeng}/tickets/E001");
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        Assert.Contains("今天本大厅没有这个号码", WebUtility.HtmlDecode(await lookup.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Tickets_taken_at_the_same_moment_all_get_different_numbers_in_one_unbroken_run(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var start = int.Parse((await app.Browser().TakeAsync(DemoHalls.Changtu, "E")).Number[1..]);
        var taken = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => app.Browser().TakeAsync(DemoHalls.Changtu, "E")));
        var numbers = taken.Select(t => int.Parse(t.Number[1..])).Order().ToList();
        Assert.Equal(Enumerable.Range(start + 1, 40), numbers);
    }
}
