using Xunit;

namespace Tongban.Testing;

public enum DatabaseLane
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The optional test lanes and why one did not run. A lane that cannot run is skipped with its reason, out loud;
/// where <c>TONGBAN_REQUIRE_LANES</c> names it (CI does), it fails instead.
/// </summary>
public static class Lanes
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("TONGBAN_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static string? Chromium =>
        Environment.GetEnvironmentVariable("TONGBAN_TEST_CHROMIUM") is { Length: > 0 } path ? path
        : File.Exists("/usr/bin/chromium") ? "/usr/bin/chromium"
        : null;

    public static void Require(DatabaseLane lane)
    {
        if (lane == DatabaseLane.Postgres && PostgresServer is null)
            NotAvailable("postgres", "PostgreSQL lane did not run: set TONGBAN_TEST_POSTGRES to a server connection string, e.g. Host=127.0.0.1;Port=5432;Username=tongban;Database=postgres (.ci/run starts one)");
    }

    public static string RequireChromium() => Chromium ?? NotAvailable("browser",
        "Browser lane did not run: no Chromium at /usr/bin/chromium; install it with `apt-get install chromium fonts-noto-cjk` or set TONGBAN_TEST_CHROMIUM");

    /// <summary>Debian's nginx, the reverse proxy in front of several web instances (the proxy lane).</summary>
    public static string RequireNginx() => File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx"
        : NotAvailable("proxy", "Proxy lane did not run: no nginx at /usr/sbin/nginx; install it with `apt-get install nginx`");

    /// <summary>The browser lane also needs its npm tools (axe-core); without them it does not run, and says why.</summary>
    public static void RequireBrowserTool(string reason) => NotAvailable("browser", "Browser lane did not run: " + reason);

    private static string NotAvailable(string lane, string reason)
    {
        var required = (Environment.GetEnvironmentVariable("TONGBAN_REQUIRE_LANES") ?? "")
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (required.Contains(lane, StringComparer.OrdinalIgnoreCase))
            Assert.Fail($"{reason} — and TONGBAN_REQUIRE_LANES requires the {lane} lane.");
        Assert.Skip(reason);
        return "";
    }
}
