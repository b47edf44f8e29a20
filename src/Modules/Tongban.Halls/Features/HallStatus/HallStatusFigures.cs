using System.Globalization;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;
using Tongban.Kernel.Web;

namespace Tongban.Halls.Features.HallStatus;

/// <summary>The queue now on the hall's public page: waiting per category, open windows, the average wait today.</summary>
internal sealed class HallStatusFigures(HallPlaces halls, HallQueue queue, RegionClock clock) : IHallLiveFigures
{
    public async Task<HallLiveSection?> ForAsync(string hallSlug, CancellationToken cancellationToken)
    {
        HallPlace hall;
        try { hall = await halls.GetAsync(hallSlug, cancellationToken); }
        catch (DomainException) { return null; }
        var now = await queue.NowAsync(hall.Id, 0, cancellationToken);
        if (now.Categories.Count == 0) return null;
        var at = clock.LocalNow.ToString("HH:mm", CultureInfo.InvariantCulture);
        List<HallLiveFigure> figures =
        [
            .. now.Categories.Select(c => new HallLiveFigure($"{c.Letter} {c.Name}", $"{c.Letter} {c.NameEn ?? c.Name}", $"等候 {c.Waiting} 人", $"{c.Waiting} waiting")),
            new("开放窗口", "Open windows", $"{now.OpenWindows} 个", $"{now.OpenWindows}"),
            new("今日平均等候", "Average wait today", Minutes(now.AverageWaitMinutes, false), Minutes(now.AverageWaitMinutes, true)),
        ];
        var slug = hall.Hall.Slug;
        return new HallLiveSection("hall-queue", "排队情况", "Queue now", figures,
            [new($"/halls/{slug}/appointments", "网上预约", "Book an appointment", "hall-appointments-link"), new($"/halls/{slug}/kiosk", "自助取号", "Take a ticket", "hall-kiosk-link"), new($"/halls/{slug}/screen", "叫号屏", "Calling screen", "hall-screen-link"),
             new($"/halls/{slug}/tickets", "查询号票", "Look up a ticket", "hall-ticket-link")],
            $"截至 {at}，约每分钟更新。", $"As of {at}; updated about every minute.");
    }

    public static string Minutes(double? minutes, bool english) => minutes switch
    {
        null => english ? "no calls yet today" : "今日尚未叫号",
        < 1 => english ? "under a minute" : "不到 1 分钟",
        { } m => english ? $"{Math.Round(m):0} min" : $"{Math.Round(m):0} 分钟",
    };
}
