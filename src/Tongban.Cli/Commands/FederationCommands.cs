using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Federation.Contracts;
using Tongban.Kernel.Data;

namespace Tongban.Cli.Commands;

/// <summary>A city's reconciliation with its province on demand: per kind the day's count and hash, the records the province lacks sent again.</summary>
internal sealed class ReconcileFederationCommand(DatabaseMigrator migrator, IFederationReconciliation reconciliation) : AsyncCommand<ReconcileFederationCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--day <DATE>")]
        [Description("The day to reconcile, yyyy-MM-dd (default: yesterday and today)")]
        public string? Day { get; init; }

        public DateOnly? DayDate() => DateOption.Parse(Day, "day");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var day = settings.DayDate();
        await migrator.MigrateAsync(cancellationToken);
        var results = await reconciliation.ReconcileAsync(day, cancellationToken);
        foreach (var r in results)
        {
            var verdict = r.Matched ? "[green]一致 / in agreement[/]" : "[red]不一致 / not in agreement[/]";
            AnsiConsole.MarkupLine($"{Markup.Escape(r.Kind)} {r.Day:yyyy-MM-dd}: {r.Records:N0} 条 / records, 补发 {r.Resent:N0} / sent again — {verdict}");
        }
        return results.All(r => r.Matched) ? 0 : 1;
    }
}
