using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Halls.Domain;
using Tongban.Halls.Features.TakeTicket;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.Appointments;

internal sealed record SlotAnswer(string Date, string From, string To, int Places, int Free);

/// <summary>An appointment as the API answers it; <c>ByAgent</c> when an agent booked it for the holder, <c>Principal</c> (masked) when the reader is that agent.</summary>
internal sealed record AppointmentAnswer(string Code, string Category, string? CategoryEn, string? Item, string Date, string From, string To, string State, string? TicketNumber, bool Changeable,
    bool ByAgent, string? Principal)
{
    public static AppointmentAnswer Of(AppointmentView v) => new(v.Code, v.Category, v.CategoryEn, v.Item, $"{v.Day:yyyy-MM-dd}",
        $"{v.From:HH\\:mm}", $"{v.To:HH\\:mm}", v.State.ToString(), v.TicketNumber, v.Changeable, v.ByAgent, v.Principal);
}

internal sealed record MyAppointmentAnswer(string Code, string Hall, string HallName, string? HallNameEn, string Category, string? CategoryEn, string? Item,
    string Date, string From, string To, string State, string? TicketNumber, bool Upcoming, string Link, string? BookedFor)
{
    public static MyAppointmentAnswer Of(MyAppointmentLine l) => new(l.Code, l.HallSlug, l.Hall, l.HallEn, l.Category, l.CategoryEn, l.Item, $"{l.Day:yyyy-MM-dd}",
        $"{l.From:HH\\:mm}", $"{l.To:HH\\:mm}", l.State.ToString(), l.TicketNumber, l.Upcoming, $"/halls/{l.HallSlug}/appointments/{l.Code}", l.BookedFor);
}

internal sealed record MoveRequest(string? Date, string? Time);

/// <summary>A line of the clerks' day list; <c>Session</c> is <c>Extended</c> (延时服务) or <c>Weekend</c> (周末不打烊) for a slot in an extra session, null in the hours.</summary>
internal sealed record BookingAnswer(string Code, string Letter, string From, string To, string? Item, string Holder, string HolderIdNumber, string State, string? TicketNumber, string? Session);

/// <summary>预约 through the API: slots (public), book, read, move and cancel one's own, check in at the kiosk, the staff's day list.</summary>
internal static class AppointmentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/{hall}/slots", async (string hall, string? category, string? date, HallPlaces halls, AppointmentRules rules, SlotPlanner slots, CancellationToken ct) =>
            {
                var place = await halls.GetAsync(hall, ct);
                var offered = await slots.ListAsync(place, await rules.CategoryAsync(place, category, ct), AppointmentRules.Date(date), ct);
                return TypedResults.Ok(offered.Select(s => new SlotAnswer($"{s.Slot.Day:yyyy-MM-dd}", s.From, s.To, s.Slot.Capacity, s.Free)).ToList());
            })
            .WithSummary("The slots a business category offers on a day (local times), with places and free places; none on a non-working day");
        api.MapGet("/appointments/mine", async (ClaimsPrincipal user, AppointmentQueries queries, CancellationToken ct) =>
                TypedResults.Ok((await queries.ListMineAsync(Holder(user), ct)).Select(MyAppointmentAnswer.Of).ToList()))
            .RequireAuthorization()
            .WithSummary("我的预约: one's own appointments in every hall and those one booked for principals as their agent (bookedFor: the principal's masked name), those to come first (soonest first), then past and cancelled ones (latest first); local dates and times");
        var mine = api.MapGroup("/{hall}/appointments").RequireAuthorization();
        mine.MapPost("", async (string hall, BookRequest request, ClaimsPrincipal user, HallPlaces halls, Booking booking, AppointmentQueries queries, CancellationToken ct) =>
            {
                var booked = await booking.BookAsync(Holder(user), hall, request, ct);
                var view = await queries.ViewAsync(await halls.GetAsync(hall, ct), booked, Holder(user), ct);
                return TypedResults.Created($"/api/halls/{hall}/appointments/{view.Code}", AppointmentAnswer.Of(view));
            })
            .WithSummary("预约: books a slot of a category (optionally for a service item the category handles); answers the code to show at the kiosk. With `principal` (an account id), an agent books for a principal who authorised them for `item` (代办授权); the principal holds it, the agent is recorded; without such an authorisation 403 and nothing booked");
        mine.MapGet("/{code}", async (string hall, string code, ClaimsPrincipal user, HallPlaces halls, AppointmentQueries queries, CancellationToken ct) =>
                TypedResults.Ok(AppointmentAnswer.Of(await queries.MineAsync(Holder(user), await halls.GetAsync(hall, ct), code, ct))))
            .WithSummary("One's own appointment by its code, or one the reader booked for a principal while authorised (anyone else's is not found)");
        mine.MapPost("/{code}/move", async (string hall, string code, MoveRequest request, ClaimsPrincipal user, HallPlaces halls, Booking booking, AppointmentQueries queries, CancellationToken ct) =>
                TypedResults.Ok(AppointmentAnswer.Of(await queries.ViewAsync(await halls.GetAsync(hall, ct), await booking.MoveAsync(Holder(user), hall, code, request.Date, request.Time, ct), Holder(user), ct))))
            .WithSummary("改约: moves one's own appointment to another slot of its category, until the cut-off");
        mine.MapPost("/{code}/cancel", async (string hall, string code, ClaimsPrincipal user, Booking booking, CancellationToken ct) =>
            { await booking.CancelAsync(Holder(user), hall, code, ct); return TypedResults.NoContent(); })
            .WithSummary("取消: cancels one's own appointment, until the cut-off");
        api.MapPost("/{hall}/check-in", async (string hall, CheckInRequest request, CheckIn checkIn, CancellationToken ct) =>
            {
                var ticket = string.IsNullOrWhiteSpace(request.Code) && request.IdNumber is not null
                    ? await checkIn.CheckInByIdNumberAsync(hall, request.IdNumber, ct)
                    : await checkIn.CheckInAsync(hall, request.Code, ct);
                return TypedResults.Created($"/api/halls/{hall}/tickets/{ticket.Number}", TicketAnswer.Of(ticket));
            })
            .WithSummary("预约签到 at the kiosk: today's appointment's code — or, without a code, the holder's resident ID number (`idNumber`, checked by its check character; never in an address) — gives a priority ticket of its category");
        api.MapGet("/{hall}/bookings", async (string hall, string? date, ClaimsPrincipal user, HallPlaces halls, AppointmentQueries queries, RegionClock clock, CancellationToken ct) =>
            {
                var place = await StaffHallAsync(user, halls, hall, ct);
                var day = string.IsNullOrWhiteSpace(date) ? clock.Today : AppointmentRules.Date(date);
                var lines = await queries.DayAsync(place, day, Actor.Of(user), ct);
                return TypedResults.Ok(lines.Select(l => new BookingAnswer(l.Code, l.Letter, $"{l.From:HH\\:mm}", $"{l.To:HH\\:mm}", l.Item, l.Holder, l.HolderId, l.State.ToString(), l.TicketNumber, l.Session?.ToString())).ToList());
            })
            .RequireAuthorization(Policies.WindowClerk)
            .WithSummary("The day's appointments of the hall for its window clerks (holders masked); today when no date is given");
    }

    /// <summary>The signed-in account, or null for a sign-in without one.</summary>
    public static Guid? AccountOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id : null;

    /// <summary>The signed-in account holding appointments; a sign-in without an account (a department's system) holds none.</summary>
    public static Guid Holder(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(ClaimTypes.NameIdentifier)?.Value, out var id) ? id
            : throw new DomainException(new DomainError("appointment.no_account", "请使用个人或企业账号登录后预约", "Sign in with a personal or enterprise account to book", ErrorKind.Forbidden));

    /// <summary>The hall, for a window clerk whose divisions reach it (anyone else: 403).</summary>
    public static async Task<HallPlace> StaffHallAsync(ClaimsPrincipal user, HallPlaces halls, string hall, CancellationToken ct)
    {
        var place = await halls.GetAsync(hall, ct);
        if (!user.IsInRole(Policies.WindowClerk) || !StaffScope.Of(user).Covers(place.Hall.DivisionCode) || !place.Windows.Any(w => w.DepartmentCreditCode == StaffScope.Of(user).DepartmentCode))
            throw new DomainException(new DomainError("appointment.not_your_hall", "您不是本大厅的窗口人员，不能查看预约名单", "You are not window staff of this hall and cannot see its appointments", ErrorKind.Forbidden));
        return place;
    }
}

/// <summary>A check-in at the kiosk: the appointment's code, or the holder's resident ID number (posted only).</summary>
internal sealed record CheckInRequest(string? Code, string? IdNumber = null);
