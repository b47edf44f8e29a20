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

/// <summary>A city's pull of the provincial catalog on demand: pages until caught up, each entry applied, unchanged or refused by name.</summary>
internal sealed class PullCatalogCommand(DatabaseMigrator migrator, IFederationCatalogPull pull) : AsyncCommand<PullCatalogCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--from-start")]
        [Description("Ask for the whole provincial catalog again, not only what changed since the last pull (refused items get another chance)")]
        public bool FromStart { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        var r = await pull.PullAsync(settings.FromStart, cancellationToken);
        AnsiConsole.MarkupLine($"新增 / added {r.Added:N0}, 变更 / changed {r.Changed:N0}, 未变 / unchanged {r.Unchanged:N0}, 拒绝 / refused {r.Refused:N0}, 送合法性审查 / sent to legality review {r.SentToReview:N0} ({r.Pages} 页 / pages)");
        foreach (var name in r.RefusedNames) AnsiConsole.MarkupLine($"[yellow]拒绝 / refused:[/] {Markup.Escape(name)}");
        if (r.Failed) AnsiConsole.MarkupLine($"[red]{Markup.Escape(r.FailureZh!)} / {Markup.Escape(r.FailureEn!)}[/]");
        return r.Failed ? 1 : 0;
    }
}
