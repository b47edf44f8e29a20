namespace Tongban.Applications;

/// <summary>Section <c>Applications</c>.</summary>
internal sealed class ApplicationsOptions
{
    public const string Section = "Applications";

    /// <summary>A case turns yellow when this share of its limit, or less, remains (default 20 %).</summary>
    public decimal WarningShare { get; set; } = 0.2m;

    /// <summary>Working days a department has to rectify after a bad rating (default 5).</summary>
    public int RectificationDays { get; set; } = 5;

    /// <summary>A deferred material due within this many working days gets a reminder (default 3); an overdue one a notice.</summary>
    public int DeferredReminderDays { get; set; } = 3;

    /// <summary>How often the reminder job looks for due and overdue deferred materials (default hourly; zero turns it off).</summary>
    public TimeSpan DeferredReminderInterval { get; set; } = TimeSpan.FromHours(1);
}
