using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Tongban.Testing;

/// <summary>
/// A built program of the repository run as its own process (<c>dotnet X.dll</c>), as an operator runs it: settings as
/// environment variables, output kept for the failure message. <see cref="StartAsync"/> waits until the host answers its
/// health address; <see cref="RunAsync"/> runs a command to its end. A missing build fails out loud, never skips.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, string name, int port)
    {
        _process = process;
        Name = name;
        Port = port;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Name { get; }
    public int Port { get; }
    public Uri Address => new($"http://127.0.0.1:{Port}");
    public bool HasExited
    {
        get
        {
            try
            {
                return _process.HasExited;
            }
            catch (InvalidOperationException)
            {
                return true; // disposed: stopped
            }
        }
    }

    /// <summary>
    /// What the process printed, for a failure message: its first 4,000 characters (where a start-up failure names its
    /// exception) and its last 6,000, with what lies between left out.
    /// </summary>
    public string Output
    {
        get
        {
            const int Head = 4000, Tail = 6000;
            lock (_output)
                return _output.Length <= Head + Tail ? _output.ToString()
                    : $"{_output.ToString(0, Head)}\n[… {_output.Length - Head - Tail} characters left out …]\n{_output.ToString(_output.Length - Tail, Tail)}";
        }
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>The built dll of a project of the repository, in the test's own configuration (Debug or Release).</summary>
    public static string Built(string projectDirectory, string dll)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryRoot(), projectDirectory, "bin", configuration, "net10.0", dll);
        if (!File.Exists(path)) Assert.Fail($"{dll} is not built at {path}: build it (dotnet build {projectDirectory}) — this test runs it as a process and does not skip.");
        return path;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Tongban.slnx"))) return dir.FullName;
        throw new InvalidOperationException("No Tongban.slnx above the test's directory.");
    }

    /// <summary>A loopback port free now (the OS hands it out; a host started next takes it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts <c>dotnet DLL --urls http://127.0.0.1:PORT ARGS</c> and waits until <paramref name="health"/> answers 200,
    /// failing with the process's output if it exits or does not answer within <paramref name="timeout"/> (90 s).
    /// </summary>
    public static async Task<HostProcess> StartAsync(string name, string dll, int port, IReadOnlyDictionary<string, string?> settings, string health,
        TimeSpan? timeout = null, params string[] args)
    {
        var start = Info(dll, settings, ["--urls", $"http://127.0.0.1:{port}", .. args]);
        var host = new HostProcess(Process.Start(start)!, name, port);
        try
        {
            if (await host.HealthyAsync(health, timeout ?? TimeSpan.FromSeconds(90))) return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        var (output, exited) = (host.Output, host.HasExited);
        await host.DisposeAsync();
        throw new InvalidOperationException($"{name} did not become healthy at {health} (exited: {exited}). Its output:\n{output}");
    }

    private async Task<bool> HealthyAsync(string health, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        for (var deadline = DateTime.UtcNow + timeout; DateTime.UtcNow < deadline && !HasExited; await Task.Delay(250))
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Address, health));
                if (response.StatusCode == HttpStatusCode.OK) return true;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting.
            }
        }
        return false;
    }

    /// <summary>Runs <c>dotnet DLL ARGS</c> to its end: exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string dll, IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        using var process = Process.Start(Info(dll, settings, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static ProcessStartInfo Info(string dll, IReadOnlyDictionary<string, string?> settings, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(dll)! };
        start.ArgumentList.Add(dll);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        // A host started for a test never edits its settings files: no file watchers.
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        foreach (var (key, value) in settings.Where(s => s.Value is not null)) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return start;
    }

    /// <summary>Stops the process (and anything it started) and waits for it: nothing is left running after a test.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or not stopping: the process object is released either way.
        }
        _process.Dispose();
    }
}
