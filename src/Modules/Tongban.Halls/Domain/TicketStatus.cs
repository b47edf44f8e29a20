namespace Tongban.Halls.Domain;

/// <summary>Where a queue ticket stands: waiting, called to a window (being served), served, or skipped (not present when called).</summary>
internal enum TicketStatus
{
    Waiting = 1,
    Called = 2,
    Served = 3,
    Skipped = 4,
}

internal static class TicketTexts
{
    public static (string Zh, string En) Status(TicketStatus status) => status switch
    {
        TicketStatus.Waiting => ("等候中", "Waiting"),
        TicketStatus.Called => ("已叫号，正在办理", "Called, being served"),
        TicketStatus.Served => ("已办理完毕", "Served"),
        _ => ("过号", "Missed (skipped)"),
    };

    /// <summary>What the screen shows and the browser may speak: 请A012号到A01号窗口办理.</summary>
    public static (string Zh, string En) Call(string number, string window) =>
        ($"请{number}号到{window}号窗口办理", $"Ticket {number}, please go to window {window}");
}
