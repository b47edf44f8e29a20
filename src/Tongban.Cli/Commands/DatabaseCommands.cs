using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Kernel.Data;

namespace Tongban.Cli.Commands;

internal sealed class MigrateCommand(DatabaseMigrator migrator) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        if (applied.Count == 0) AnsiConsole.MarkupLine("[green]数据库已是最新 / The schema is up to date.[/]");
        foreach (var line in applied) AnsiConsole.MarkupLineInterpolated($"[green]applied[/] {line}");
        return 0;
    }
}

internal sealed class StatusCommand(DatabaseMigrator migrator) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var pending = await migrator.PendingAsync(cancellationToken);
        if (pending.Count == 0) AnsiConsole.MarkupLine("[green]没有待执行的迁移 / No pending migrations.[/]");
        foreach (var line in pending) AnsiConsole.MarkupLineInterpolated($"[yellow]pending[/] {line}");
        return pending.Count == 0 ? 0 : 1;
    }
}
