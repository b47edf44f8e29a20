using Microsoft.Extensions.Options;
using Tongban.Halls.Domain;
using Tongban.Halls.Features.HallStatus;
using Tongban.Kernel.Calendar;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Halls.Features.TakeTicket;

/// <summary>The hall now, as its kiosk sees it: the organisation's open status (<see cref="HallInfo.StatusAt"/>) and the categories served in the session now.</summary>
internal sealed record KioskNow(HallOpenStatus Status, bool Open, IReadOnlyList<CategoryLine> Categories)
{
    /// <summary>Whether a category has a window serving in the session now (every category in the hours; with <c>TicketsOutsideSessions</c>, always).</summary>
    public bool Serves(string letter) => Categories.Any(c => c.Letter == letter);
}

/// <summary>
/// Which categories the kiosk offers now: in the working-day hours every category; in an extended or weekend session
/// (延时服务 / 周末不打烊) only those with a window serving in it; outside any session none (the hall is closed, and the
/// kiosk says when it opens next, as the hall page does). Taking a ticket of another category is refused (409).
/// </summary>
internal sealed class KioskSession(HallQueue queue, CalendarStore calendars, RegionClock clock, IOptions<HallsOptions> options)
{
    public async Task<KioskNow> NowAsync(HallPlace hall, CancellationToken ct)
    {
        var status = await StatusAsync(hall.Hall, ct);
        var categories = await queue.CategoriesAsync(hall.Id, ct);
        return new KioskNow(status, Open(status), [.. categories.Where(c => Serves(status, c.Windows))]);
    }

    /// <summary>
    /// Refuses a ticket of a category nobody serves now: the hall closed, or the session's windows not serving it. Runs
    /// for every ticket, so it reads only the calendar (kept in memory) and the category already in hand.
    /// </summary>
    public async Task RequireServedAsync(HallInfo hall, Category category, CancellationToken ct)
    {
        if (options.Value.TicketsOutsideSessions) return;
        var status = await StatusAsync(hall, ct);
        if (Serves(status, category.Windows)) return;
        if (!Open(status))
            throw HallErrors.Conflict("ticket.hall_closed", $"大厅现在不办公，不能取号{NextZh(status)}", $"The hall is closed now; no tickets are given{NextEn(status)}");
        throw HallErrors.Conflict("ticket.category_not_served_now", $"现在是{KindZh(status.Session)}时段，没有窗口办理“{category.Name}”，请在工作日办公时间前来或选择其他业务",
            $"During {KindEn(status.Session)} no window serves '{category.NameEn ?? category.Name}'; come in the working-day hours or choose another business");
    }

    private async Task<HallOpenStatus> StatusAsync(HallInfo hall, CancellationToken ct)
    {
        var calendar = await calendars.GetAsync(ct);
        var local = clock.LocalNow.DateTime;
        return hall.StatusAt(calendar, DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local));
    }

    private bool Open(HallOpenStatus status) => options.Value.TicketsOutsideSessions || status.Current is not null;

    /// <summary>Whether a category served at these windows is served now: in the hours every one; in an extra session those with a window in it.</summary>
    private bool Serves(HallOpenStatus status, IReadOnlyCollection<string> windows) =>
        options.Value.TicketsOutsideSessions || status.Current is { } session && (session.Windows is null || windows.Any(session.Windows.Contains));

    /// <summary>
    /// Refuses calling at a window that does not serve in the extra session (延时服务 / 周末不打烊) the hall is in now: in
    /// the working-day hours every window calls, and outside any session a clerk who stays may finish the queue. With
    /// <c>TicketsOutsideSessions</c> the sessions bound neither the tickets nor the calling.
    /// </summary>
    public async Task RequireCallingAsync(HallPlace hall, string window, CancellationToken ct)
    {
        if (options.Value.TicketsOutsideSessions) return;
        var session = (await StatusAsync(hall.Hall, ct)).Current;
        if (session?.Windows is not { } windows || windows.Contains(window)) return;
        throw HallErrors.Conflict("calling.window_not_in_session",
            $"现在是{KindZh(session.Kind)}时段（至{session.To:HH\\:mm}），{window}号窗口不在本时段服务的窗口之中，不能叫号；本时段服务的窗口：{string.Join("、", windows)}",
            $"During {KindEn(session.Kind)} (until {session.To:HH\\:mm}) window {window} does not serve, so it cannot call; the windows serving now: {string.Join(", ", windows)}");
    }

    private static string NextZh(HallOpenStatus s) => s.OpensAt is { } at ? $"；今天{at:HH\\:mm}开始办公" : s.NextOpenDay is { } d && s.NextOpensAt is { } t ? $"；下次办公：{d:yyyy年M月d日} {t:HH\\:mm}" : "";

    private static string NextEn(HallOpenStatus s) => s.OpensAt is { } at ? $"; it opens today at {at:HH\\:mm}" : s.NextOpenDay is { } d && s.NextOpensAt is { } t ? $"; it opens next on {d:yyyy-MM-dd} at {t:HH\\:mm}" : "";

    public static string KindZh(HallSessionKind? kind) => kind is HallSessionKind.Extended or HallSessionKind.Weekend ? kind.Value.Words().Zh : "办公";

    public static string KindEn(HallSessionKind? kind) => $"the {(kind is HallSessionKind.Extended or HallSessionKind.Weekend ? kind.Value.Words().En : "hours")}";
}
