namespace Tongban.Halls;

/// <summary>Section <c>Halls</c>.</summary>
internal sealed class HallsOptions
{
    public const string Section = "Halls";

    /// <summary>
    /// How often a calling screen's event stream looks at the database without being woken: the longest a call made on
    /// another instance (several web instances on PostgreSQL) takes to reach a screen. 5 seconds by default.
    /// </summary>
    public TimeSpan ScreenPoll { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a rating tablet's pairing code, given to the window's clerk, may be typed on the tablet. 10 minutes by default.</summary>
    public TimeSpan PairingCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Whether the kiosk and the ticket API give tickets outside the hall's sessions too, and of categories nobody serves
    /// in the session now. False by default: outside any session the kiosk says the hall is closed and when it opens
    /// next, and in an extended or weekend session only the categories its windows serve get a button (the API answers
    /// 409 for the others). True suits a hall that hands out numbers before opening — and the test apps, whose tests
    /// take tickets at any hour. It also lets every window call in an extended or weekend session (otherwise only the
    /// session's windows call).
    /// </summary>
    public bool TicketsOutsideSessions { get; set; }

    /// <summary>Appointments (预约): slots, places, cut-off and the no-show limit.</summary>
    public AppointmentOptions Appointments { get; set; } = new();
}

/// <summary>Section <c>Halls:Appointments</c>.</summary>
internal sealed class AppointmentOptions
{
    /// <summary>How long a slot is; a hall's sessions are cut into slots of this length from their start. 30 minutes by default.</summary>
    public TimeSpan SlotLength { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Places of a slot for each window serving the category (so a category served at three windows takes three). 1 by default.</summary>
    public int PlacesPerWindow { get; set; } = 1;

    /// <summary>Places of a slot for a hall's category, by <c>{hall}.{letter}</c> (e.g. <c>yinzhou.A</c>), instead of the windows' count.</summary>
    public Dictionary<string, int> Places { get; set; } = [];

    /// <summary>How many days ahead (today included) slots are offered. 14 by default.</summary>
    public int DaysAhead { get; set; } = 14;

    /// <summary>Until how long before its slot an appointment may be cancelled or moved. 2 hours by default.</summary>
    public TimeSpan CutOff { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How early before its slot an appointment may be checked in at the kiosk. 30 minutes by default.</summary>
    public TimeSpan CheckInEarly { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>No-shows within <see cref="NoShowPeriod"/> that stop booking until the oldest of them leaves the period. 3 by default.</summary>
    public int NoShowLimit { get; set; } = 3;

    /// <summary>How often the reminders of tomorrow's appointments are looked for (zero: never). 1 hour by default.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The period over which no-shows count. 90 days by default.</summary>
    public TimeSpan NoShowPeriod { get; set; } = TimeSpan.FromDays(90);
}
