using System.Diagnostics;

namespace Tongban.Licenses.Tests;

/// <summary>Runs the real <c>tongban</c> command against a test app's database, and OpenSSL.</summary>
internal static class Processes
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    /// <summary><c>tongban ARGS</c> on the app's database and data directory (the same key file).</summary>
    public static Task<Outcome> TongbanAsync(TongbanApp app, params string[] args)
    {
        var cli = HostProcess.Built("src/Tongban.Cli", "tongban.dll");
        var environment = app.Database.Settings.Where(s => s.Value is not null).ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);
        return RunAsync("dotnet", [cli, .. args], environment);
    }

    /// <summary>OpenSSL 3. Missing, the test fails (CI installs it): an interoperability check never skips.</summary>
    public static async Task<Outcome> OpenSslAsync(string workingDirectory, params string[] args)
    {
        try
        {
            return await RunAsync("openssl", args, new Dictionary<string, string>(), workingDirectory);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"openssl could not be started ({e.Message}); install OpenSSL 3 (apt-get install openssl) — this check must run.");
            throw;
        }
    }

    private static async Task<Outcome> RunAsync(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory ?? "" };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Outcome(process.ExitCode, await output, await error);
    }
}
