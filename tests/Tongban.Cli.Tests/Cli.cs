using Spectre.Console;
using Tongban.Cli;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Tongban.Cli.Tests;

/// <summary>
/// Runs the <c>tongban</c> command in this process against a test database, and captures what it prints. The console
/// is one per process, so these tests run one at a time.
/// </summary>
internal static class Cli
{
    public static Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, params string[] args) => RunAsync(database, new Dictionary<string, string?>(), args);

    public static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, IReadOnlyDictionary<string, string?> extra, params string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 1000;
        AnsiConsole.Console = console;
        var settings = new Dictionary<string, string?>(database.Settings) { ["Region:SeedDemoWhenEmpty"] = "false", ["Logging:LogLevel:Default"] = "Warning" };
        foreach (var (key, value) in extra) settings[key] = value;
        try
        {
            var exit = await TongbanCommand.RunAsync(args, settings);
            return (exit, output.ToString());
        }
        finally
        {
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings());
        }
    }
}
