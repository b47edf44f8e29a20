using System.ComponentModel;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Time;

namespace Tongban.Cli.Commands;

internal sealed class SeedDemoCommand(DatabaseMigrator migrator, RegionSeeder seeder, OutboxDispatcher outbox, IOptions<RegionOptions> region)
    : AsyncCommand<SeedDemoCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--pack <NAME>")]
        [Description("Region pack under regions/ (default: Region:DemoPack)")]
        public string? Pack { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        var pack = RegionPack.Locate(settings.Pack ?? region.Value.DemoPack);
        AnsiConsole.MarkupLineInterpolated($"区域数据包 / Region pack: [bold]{pack.Directory}[/]");
        foreach (var line in await seeder.SeedAsync(pack, onlyWhenEmpty: true, cancellationToken))
            AnsiConsole.MarkupLineInterpolated($"  {line}");
        await outbox.DispatchDueAsync(cancellationToken);
        return 0;
    }
}
