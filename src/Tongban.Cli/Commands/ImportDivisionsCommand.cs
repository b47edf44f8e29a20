using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;

namespace Tongban.Cli.Commands;

internal sealed class ImportDivisionsCommand(IDivisionImport import, OutboxDispatcher outbox) : AsyncCommand<ImportDivisionsCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("CSV with the header code,name,level,valid_from,valid_to")]
        public string File { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(settings.File);
        var count = await import.ImportAsync(reader, Path.GetFileName(settings.File), Actor.CommandLine, cancellationToken);
        await outbox.DispatchDueAsync(cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]已导入{count}个行政区划 / Imported {count} divisions.[/]");
        return 0;
    }
}
