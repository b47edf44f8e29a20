namespace Tongban.Kernel.Time;

/// <summary>Section <c>Region</c>: where this instance serves. The region's own data comes from its pack.</summary>
public sealed class RegionOptions
{
    public const string Section = "Region";

    /// <summary>IANA time zone of the region; all of China keeps Asia/Shanghai.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The demo region pack under <c>regions/</c> that <c>tongban seed demo</c> loads.</summary>
    public string DemoPack { get; set; } = "tieling";

    /// <summary>
    /// A demo instance: load the demo pack on start when the database is empty, and keep its demo accounts with their
    /// published passwords. Off unless configured (appsettings.Development.json turns it on); outside development the
    /// web host refuses to start while a demo account still has its published password and this is off.
    /// </summary>
    public bool SeedDemoWhenEmpty { get; set; }
}
