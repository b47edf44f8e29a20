using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Applications.Contracts;
using Tongban.Kernel.Data;
using Tongban.Statistics.Contracts;

namespace Tongban.Cli.Commands;

/// <summary>Synthetic cases; the statistics' facts and roll-ups are then filled from the cases (generated cases bypass the outbox).</summary>
internal sealed class GenerateCasesCommand(DatabaseMigrator migrator, ICaseGenerator generator, IStatisticsRebuild statistics) : AsyncCommand<GenerateCasesCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--count <N>")]
        [Description("How many cases (default 10000)")]
        public int Count { get; init; } = 10_000;

        [CommandOption("--seed <S>")]
        [Description("The same seed makes the same cases (default 1)")]
        public int Seed { get; init; } = 1;

        [CommandOption("--item <CODE>")]
        [Description("Only this item (repeatable; default: every item of the demo catalog)")]
        public string[]? Items { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        CaseGenerationSummary summary = null!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("生成办件 / generating cases", maxValue: Math.Max(1, settings.Count));
                summary = await generator.GenerateAsync(settings.Count, settings.Seed, settings.Items is { Length: > 0 } items ? items : null,
                    new Progress<int>(n => task.Value = n), cancellationToken);
                task.Value = task.MaxValue;
            });
        AnsiConsole.MarkupLineInterpolated(
            $"[green]已生成 {summary.Cases:N0} 件办件（{summary.Items} 个事项）[/] / generated {summary.Cases:N0} cases of {summary.Items} items ({summary.Elapsed.TotalSeconds:F1} s, {summary.Cases / Math.Max(summary.Elapsed.TotalSeconds, 0.001):N0}/s)");
        var rebuilt = await statistics.RefillFactsAsync(onlyWhenMissing: false, null, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]统计已更新（{rebuilt!.Facts:N0} 件）[/] / statistics filled from {rebuilt.Facts:N0} cases ({rebuilt.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }
}

/// <summary>What the web instances' reminder job does on its interval, now; the instances' outbox workers then send the notices.</summary>
internal sealed class RemindDeferredCommand(IDeferredReminders reminders) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var count = await reminders.SendDueAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]已发出 {count} 条容缺材料提醒 / {count} deferred-material reminder(s) published[/]");
        return 0;
    }
}
