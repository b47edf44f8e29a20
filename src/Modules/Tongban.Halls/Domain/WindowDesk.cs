namespace Tongban.Halls.Domain;

/// <summary>A window's desk for the day: opened by a clerk (by calling or by the open button), closed when they leave.</summary>
internal sealed class WindowDesk
{
    private WindowDesk() { }

    public Guid HallId { get; private set; }
    public string Window { get; private set; } = "";
    public DateTimeOffset OpenedAt { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public DateTimeOffset? ClosedAt { get; private set; }

    public static WindowDesk Open(Guid hallId, string window, string clerk, DateTimeOffset at) =>
        new() { HallId = hallId, Window = window, OpenedAt = at, OpenedBy = clerk };

    public bool IsOpen => ClosedAt is null;

    public void Reopen(string clerk, DateTimeOffset at)
    {
        if (IsOpen) return;
        (OpenedAt, OpenedBy, ClosedAt) = (at, clerk, null);
    }

    public void Close(DateTimeOffset at) => ClosedAt ??= at;
}
