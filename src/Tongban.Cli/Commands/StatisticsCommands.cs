using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Kernel.Data;
using Tongban.Statistics.Contracts;

namespace Tongban.Cli.Commands;

/// <summary>Recomputes the statistics' daily roll-ups from the case facts, a day per transaction; with <c>--facts</c> (or none kept) the facts from the cases first.</summary>
internal sealed class RebuildStatisticsCommand(DatabaseMigrator migrator, IStatisticsRebuild rebuild) : AsyncCommand<RebuildStatisticsCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--from <DATE>")]
        [Description("First day to rebuild, yyyy-MM-dd (default: every day)")]
        public string? From { get; init; }

        [CommandOption("--facts")]
        [Description("Fill the case facts again from the cases first, then every day (done anyway when there are cases but no facts)")]
        public bool Facts { get; init; }

        public DateOnly? FromDate() => DateOption.Parse(From, "from");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var from = settings.FromDate();
        await migrator.MigrateAsync(cancellationToken);
        var refilled = await rebuild.RefillFactsAsync(onlyWhenMissing: !settings.Facts, null, cancellationToken);
        if (refilled is { FactsElapsed: { } factsTime })
            AnsiConsole.MarkupLineInterpolated($"[green]已从办件重建 {refilled.Facts:N0} 条办件事实[/] / case facts filled from {refilled.Facts:N0} cases ({factsTime.TotalSeconds:F1} s)");
        var summary = refilled ?? await rebuild.RebuildAsync(from, null, cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"[green]已重建 {summary.Days} 天的汇总（{summary.Facts:N0} 件办件）[/] / rebuilt {summary.Days} day(s) from {summary.Facts:N0} case facts ({summary.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }
}

/// <summary>Publishes a month's public performance figures (政务服务效能公示), e.g. from a monthly cron job; again replaces them.</summary>
internal sealed class PublishPerformanceCommand(DatabaseMigrator migrator, IPerformancePublisher publisher) : AsyncCommand<PublishPerformanceCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--month <MONTH>")]
        [Description("The month, yyyy-MM (default: the last month that has ended)")]
        public string? Month { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        var done = await publisher.PublishAsync(settings.Month, Kernel.Security.Actor.CommandLine, cancellationToken);
        AnsiConsole.MarkupLineInterpolated(
            $"[green]已公示 {done.Month} 的效能数据：{done.Departments} 个部门，办结 {done.Concluded:N0} 件[/] / published {done.Month}: {done.Departments} departments, {done.Concluded:N0} cases concluded");
        return 0;
    }
}
