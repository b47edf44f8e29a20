namespace Tongban.Applications;

/// <summary>Section <c>Applications</c>.</summary>
internal sealed class ApplicationsOptions
{
    public const string Section = "Applications";

    /// <summary>A case turns yellow when this share of its limit, or less, remains (default 20 %).</summary>
    public decimal WarningShare { get; set; } = 0.2m;

    /// <summary>Working days a department has to rectify after a bad rating (default 5).</summary>
    public int RectificationDays { get; set; } = 5;
}
