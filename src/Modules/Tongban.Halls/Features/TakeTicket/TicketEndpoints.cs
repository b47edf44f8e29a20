using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Tongban.Halls.Features.TakeTicket;

/// <param name="ReminderPhone">到号提醒: a mobile number to text when three tickets are ahead (optional; sealed, forgotten once texted or called).</param>
internal sealed record TakeTicketRequest(string? Category, string? ReminderPhone = null);

internal sealed record TicketAnswer(string Number, string Category, string? CategoryEn, string Status, int Ahead, string? Window, DateTimeOffset IssuedAt, bool Reminder)
{
    public static TicketAnswer Of(TicketView t) => new(t.Number, t.Category, t.CategoryEn, t.Status.ToString(), t.Ahead, t.Window, t.IssuedAt, t.Reminder);
}

/// <summary>The kiosk's API: take a ticket for a category (by its letter), read a ticket of today.</summary>
internal static class TicketEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/{hall}/tickets", async (string hall, TakeTicketRequest request, IssueTicket issue, CancellationToken ct) =>
            {
                var ticket = await issue.IssueAsync(hall, request.Category ?? "", request.ReminderPhone, ct);
                return TypedResults.Created($"/api/halls/{hall}/tickets/{ticket.Number}", TicketAnswer.Of(ticket));
            })
            .WithSummary("取号: a ticket of today for a business category (letter), with a mobile number for 到号提醒 if given; answers its number and how many are ahead");
        api.MapGet("/{hall}/tickets/{number}", async Task<Results<Ok<TicketAnswer>, NotFound>> (string hall, string number, HallPlaces halls, TicketQueries tickets, CancellationToken ct) =>
                await tickets.TodayAsync((await halls.GetAsync(hall, ct)).Id, number, ct) is { } t ? TypedResults.Ok(TicketAnswer.Of(t)) : TypedResults.NotFound())
            .WithSummary("A ticket of today by its number: status, how many are ahead, the window that called it");
    }
}
