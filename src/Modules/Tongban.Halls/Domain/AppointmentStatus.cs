namespace Tongban.Halls.Domain;

/// <summary>What is stored of an appointment: booked, cancelled by its holder, or checked in at the kiosk.</summary>
internal enum AppointmentStatus
{
    Booked = 1,
    Cancelled = 2,
    CheckedIn = 3,
}

/// <summary>An appointment as a reader sees it: as stored, or missed (a no-show: still booked when its slot ended).</summary>
internal enum AppointmentState
{
    Booked = 1,
    Cancelled = 2,
    CheckedIn = 3,
    Missed = 4,
}

internal static class AppointmentTexts
{
    public static (string Zh, string En) State(AppointmentState state) => state switch
    {
        AppointmentState.Booked => ("已预约", "Booked"),
        AppointmentState.Cancelled => ("已取消", "Cancelled"),
        AppointmentState.CheckedIn => ("已签到", "Checked in"),
        _ => ("未到（爽约）", "Missed"),
    };
}
