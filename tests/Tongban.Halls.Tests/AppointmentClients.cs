using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Tests;

internal sealed record BookedAppointment(string Code, string Category, string? Item, string Date, string From, string To, string State, string? TicketNumber, bool Changeable);

internal sealed record OfferedSlot(string Date, string From, string To, int Places, int Free);

internal static class AppointmentClients
{
    /// <summary>The first day from tomorrow on whose slots of the category have a free place, and those slots.</summary>
    public static async Task<(string Date, IReadOnlyList<OfferedSlot> Slots)> FreeDayAsync(this HttpClient client, string hall, string category, int skip = 1)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        for (var d = skip; d < 14; d++)
        {
            var date = today.AddDays(d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var slots = await client.SlotsAsync(hall, category, date);
            if (slots.Any(s => s.Free > 0)) return (date, slots);
        }
        throw new InvalidOperationException("no day with free slots in the next two weeks");
    }

    public static async Task<IReadOnlyList<OfferedSlot>> SlotsAsync(this HttpClient client, string hall, string category, string date) =>
        (await client.GetFromJsonAsync<List<OfferedSlot>>($"/api/halls/{hall}/slots?category={category}&date={date}"))!;

    public static Task<HttpResponseMessage> BookAsync(this HttpClient client, string hall, string category, string date, string time, string? item = null) =>
        client.PostAsJsonAsync($"/api/halls/{hall}/appointments", new { category, date, time, item });

    public static async Task<BookedAppointment> BookedAsync(this HttpClient client, string hall, string category, string date, string time, string? item = null)
    {
        using var response = await client.BookAsync(hall, category, date, time, item);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<BookedAppointment>())!;
    }

    public static async Task<Guid> AccountIdAsync(this TongbanApp app, string idNumber)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().FindByIdNumberAsync(idNumber, CancellationToken.None))!.Id;
    }

    /// <summary>
    /// An appointment written straight into the database for a slot the clock has reached or passed (a check-in now, a
    /// missed one, one inside the cut-off): the API offers only slots to come, and the tests do not move the app's clock.
    /// </summary>
    public static async Task<string> PlaceAsync(this TongbanApp app, string hall, string letter, Guid holder, DateTimeOffset startsAt, TimeSpan length)
    {
        startsAt = startsAt.ToUniversalTime();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HallsDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<RegionClock>();
        var hallId = (await scope.ServiceProvider.GetRequiredService<Organization.Contracts.IOrganizationDirectory>().ListHallsAsync(CancellationToken.None)).Single(h => h.Slug == hall).Id;
        var category = db.Categories.Single(c => c.HallId == hallId && c.Letter == letter);
        var local = clock.Local(startsAt);
        var slot = new Slot(hallId, category.Id, DateOnly.FromDateTime(local.DateTime), TimeOnly.FromDateTime(local.DateTime),
            TimeOnly.FromDateTime(local.DateTime + length), startsAt, startsAt + length, 1000);
        var appointment = Appointment.Book(slot, Random.Shared.Next(100, 1000), holder, null, null, startsAt.AddDays(-1));
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync();
        return appointment.Code;
    }

    public static async Task<string> ProblemAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.ToString();
    }
}
