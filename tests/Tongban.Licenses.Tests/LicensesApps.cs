namespace Tongban.Licenses.Tests;

/// <summary>The lanes' apps: the whole platform over the demo region, license catalog included.</summary>
public sealed class LicensesApps : LaneApps;
