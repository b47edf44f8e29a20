using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Halls.Features.TakeTicket;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Halls.Features.CallTickets;

/// <summary>
/// 叫号 at a window, for a clerk of the window's department: call the next ticket of the categories the window serves
/// (the one being served is then finished; checked-in appointments first, then in the order taken) — in an extra session
/// only at the windows serving in it — recall, skip, finish, transfer. Two windows calling at once never get the
/// same ticket: a ticket's revision is its concurrency token, and the loser takes the next one.
/// </summary>
internal sealed class Calling(HallsDbContext db, HallPlaces halls, KioskSession sessions, RegionClock clock, ChangeSignals signals)
{
    private const int Attempts = 5;

    public async Task<string?> CallNextAsync(ClaimsPrincipal clerk, string hallSlug, string window, CancellationToken ct)
    {
        var desk = await DeskAsync(clerk, hallSlug, window, ct);
        var serves = await db.Categories.Where(c => c.HallId == desk.Hall.Id).ToListAsync(ct);
        var categories = serves.Where(c => c.IsServedAt(window)).Select(c => c.Id).ToList();
        if (categories.Count == 0) throw HallErrors.NoCategories(window);
        await sessions.RequireCallingAsync(desk.Hall, window, ct);
        for (var attempt = 1; ; attempt++)
        {
            var today = clock.Today;
            await FinishCurrentAsync(desk.Hall.Id, window, ct);
            var next = await db.Tickets.Where(t => t.HallId == desk.Hall.Id && t.Day == today && t.Status == TicketStatus.Waiting
                    && (t.ForWindow == window || (t.ForWindow == null && categories.Contains(t.CategoryId))))
                .OrderByDescending(t => t.Priority).ThenBy(t => t.IssuedAt).ThenBy(t => t.Sequence).FirstOrDefaultAsync(ct);
            next?.Call(window, desk.Actor, clock.UtcNow);
            if (next is not null) await TellThreeAheadAsync(desk.Hall.Hall, next, ct);
            await OpenDeskAsync(desk, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                await signals.AnnounceAsync(ChangeTopics.HallQueue, desk.Hall.Id.ToString(), ct);
                return next?.Number;
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                db.ChangeTracker.Clear(); // another window took it first: look again
            }
        }
    }

    /// <summary>How many tickets ahead the holder of a checked-in appointment is texted at (前面还有3人).</summary>
    public const int AheadToTell = 3;

    public const string ThreeAheadKind = "ticket_three_ahead";

    /// <summary>
    /// 前面还有3人: after a call, the ticket of the called category that now has <see cref="AheadToTell"/> tickets ahead is
    /// texted — a walk-in ticket whose holder gave a number at the kiosk (<see cref="TicketReminders"/>), or a checked-in
    /// appointment's, whose holder is known (identity's <c>AccountNotice</c>, to the account's phone) — through the
    /// outbox, in the call's own transaction: a call that is tried again looks again. The order is the calling order
    /// (<see cref="TicketQueries"/>' "ahead").
    /// </summary>
    private async Task TellThreeAheadAsync(HallInfo hall, Ticket called, CancellationToken ct)
    {
        var waiting = db.Tickets.AsNoTracking().Where(t => t.HallId == called.HallId && t.Day == called.Day && t.CategoryId == called.CategoryId
            && t.Status == TicketStatus.Waiting && t.Id != called.Id); // the called one is still waiting in the database until the save
        var told = await waiting.OrderByDescending(t => t.Priority).ThenBy(t => t.IssuedAt).ThenBy(t => t.Sequence)
            .Skip(AheadToTell).Select(t => new { t.Id, t.Number, t.Priority, Reminder = EF.Property<string?>(t, TicketReminders.Index) != null }).FirstOrDefaultAsync(ct);
        if (told is null) return;
        var (chinese, english) = ($"{hall.Name}：您的{told.Number}号前面还有{AheadToTell}人，请到等候区留意叫号。",
            $"{hall.NameEn ?? hall.Name}: {AheadToTell} tickets are ahead of your number {told.Number}; please wait near the windows for your call.");
        if (told.Reminder)
        {
            db.Publish(TicketThreeAhead.MessageType, new TicketThreeAhead(told.Id.Value, chinese, english), clock.UtcNow);
            return;
        }
        if (!told.Priority) return;
        var holder = await db.Appointments.AsNoTracking().Where(a => a.HallId == called.HallId && a.Day == called.Day && a.TicketNumber == told.Number)
            .Select(a => (Guid?)a.HolderId).FirstOrDefaultAsync(ct);
        if (holder is { } account) db.Publish(AccountNotice.MessageType, new AccountNotice(account, ThreeAheadKind, chinese, english), clock.UtcNow);
    }

    public Task RecallAsync(ClaimsPrincipal clerk, string hall, string window, CancellationToken ct) =>
        OnCurrentAsync(clerk, hall, window, t => t.Recall(clock.UtcNow), ct);

    public Task SkipAsync(ClaimsPrincipal clerk, string hall, string window, CancellationToken ct) =>
        OnCurrentAsync(clerk, hall, window, t => t.Skip(clock.UtcNow), ct);

    public Task FinishAsync(ClaimsPrincipal clerk, string hall, string window, CancellationToken ct) =>
        OnCurrentAsync(clerk, hall, window, t => t.Finish(clock.UtcNow), ct);

    /// <summary>转移 to another window of the hall, or to another category (by its letter); exactly one of the two.</summary>
    public async Task TransferAsync(ClaimsPrincipal clerk, string hallSlug, string window, string? toWindow, string? toCategory, CancellationToken ct)
    {
        var desk = await DeskAsync(clerk, hallSlug, window, ct);
        (toWindow, toCategory) = (Blank(toWindow), Blank(toCategory)?.ToUpperInvariant());
        if (toWindow is not null) desk.Hall.Window(toWindow);
        var category = toCategory is null ? null : (Category.IsLetter(toCategory) ? await db.Categories.FirstOrDefaultAsync(c => c.HallId == desk.Hall.Id && c.Letter == toCategory, ct) : null)
            ?? throw HallErrors.Invalid("calling.transfer_category_unknown", "本大厅没有这个业务类别", "This hall has no such category", "toCategory");
        await OnCurrentAsync(desk, t => t.Transfer(category, toWindow), ct);
    }

    public async Task CloseAsync(ClaimsPrincipal clerk, string hallSlug, string window, CancellationToken ct)
    {
        var desk = await DeskAsync(clerk, hallSlug, window, ct);
        await FinishCurrentAsync(desk.Hall.Id, window, ct);
        (await db.Desks.FindAsync([desk.Hall.Id, window], ct))?.Close(clock.UtcNow);
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.HallQueue, desk.Hall.Id.ToString(), ct);
    }

    /// <summary>The ticket being served at the window now, if any.</summary>
    public Task<Ticket?> CurrentAsync(Guid hallId, string window, CancellationToken ct)
    {
        var today = clock.Today;
        return db.Tickets.FirstOrDefaultAsync(t => t.HallId == hallId && t.Day == today && t.Window == window && t.Status == TicketStatus.Called, ct);
    }

    private async Task OnCurrentAsync(ClaimsPrincipal clerk, string hallSlug, string window, Action<Ticket> act, CancellationToken ct) =>
        await OnCurrentAsync(await DeskAsync(clerk, hallSlug, window, ct), act, ct);

    private async Task OnCurrentAsync(ClerkDesk desk, Action<Ticket> act, CancellationToken ct)
    {
        var ticket = await CurrentAsync(desk.Hall.Id, desk.Window, ct)
            ?? throw HallErrors.Conflict("calling.none_current", $"{desk.Window}号窗口当前没有正在办理的号", $"Window {desk.Window} is serving no ticket now");
        act(ticket);
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.HallQueue, desk.Hall.Id.ToString(), ct);
    }

    private async Task FinishCurrentAsync(Guid hallId, string window, CancellationToken ct) =>
        (await CurrentAsync(hallId, window, ct))?.Finish(clock.UtcNow);

    private async Task OpenDeskAsync(ClerkDesk desk, CancellationToken ct)
    {
        var open = await db.Desks.FindAsync([desk.Hall.Id, desk.Window], ct);
        if (open is null) db.Desks.Add(WindowDesk.Open(desk.Hall.Id, desk.Window, desk.Actor, clock.UtcNow));
        else if (!open.IsOpen || clock.DateAt(open.OpenedAt) != clock.Today) { open.Close(clock.UtcNow); open.Reopen(desk.Actor, clock.UtcNow); }
    }

    public Task<HallPlace> HallAsync(string hallSlug, CancellationToken ct) => halls.GetAsync(hallSlug, ct);

    /// <summary>The clerk at a window of a hall: refused unless the window's department is theirs and their divisions reach the hall.</summary>
    public async Task<ClerkDesk> DeskAsync(ClaimsPrincipal clerk, string hallSlug, string window, CancellationToken ct)
    {
        var hall = await halls.GetAsync(hallSlug, ct);
        var info = hall.Window(window);
        var scope = StaffScope.Of(clerk);
        if (!clerk.IsInRole(Policies.WindowClerk) || scope.DepartmentCode != info.DepartmentCreditCode || !scope.Covers(hall.Hall.DivisionCode))
            throw HallErrors.NotYourWindow(window);
        return new ClerkDesk(hall, info.Number, Actor.Of(clerk));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

internal sealed record ClerkDesk(HallPlace Hall, string Window, string Actor);
