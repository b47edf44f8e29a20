using System.Globalization;
using Tongban.Halls.Domain;
using Tongban.Halls.Features.HallStatus;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.Screen;

internal sealed record ScreenCall(string Number, string Window, string Text, string TextEn, string At, int Calls);

internal sealed record ScreenCategory(string Letter, string Name, string NameEn, int Waiting);

/// <summary>What a calling screen shows, in both languages and local time, as the page renders it and the event stream sends it.</summary>
internal sealed record ScreenState(IReadOnlyList<ScreenCall> Calls, IReadOnlyList<ScreenCategory> Categories)
{
    public const int CallsShown = 8;

    public static ScreenState From(HallNow now, RegionClock clock) => new(
        [.. now.Calls.Select(c =>
        {
            var (zh, en) = TicketTexts.Call(c.Number, c.Window);
            return new ScreenCall(c.Number, c.Window, zh, en, clock.Local(c.At).ToString("HH:mm", CultureInfo.InvariantCulture), c.Calls);
        })],
        [.. now.Categories.Select(c => new ScreenCategory(c.Letter, c.Name, c.NameEn ?? c.Name, c.Waiting))]);
}
