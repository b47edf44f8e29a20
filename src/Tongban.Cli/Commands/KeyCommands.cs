using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Kernel.Data;
using Tongban.Kernel.PersonalData;

namespace Tongban.Cli.Commands;

/// <summary>
/// Adds a new personal-data key (the first, on a new installation) and re-seals every sealed column under it, in
/// batches. New writes use the new key at once; older keys stay in the key file, so rows not yet re-sealed — or in a
/// backup taken before — still open. Stopped half-way, it continues when run again (with <c>--reseal-only</c>).
/// </summary>
internal sealed class RotatePersonalDataKeyCommand(PersonalDataKeyStore keys, DatabaseMigrator migrator, IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases)
    : AsyncCommand<RotatePersonalDataKeyCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--batch-size <N>")]
        [Description("Rows re-sealed per transaction (default 1000)")]
        public int BatchSize { get; init; } = 1000;

        [CommandOption("--reseal-only")]
        [Description("Make no new key: only re-seal what the current key did not seal (to finish an interrupted rotation)")]
        public bool ResealOnly { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var ring = settings.ResealOnly ? keys.Ring : keys.Rotate();
        AnsiConsole.MarkupLineInterpolated($"[green]当前个人数据密钥 / Current personal-data key[/]: {ring.CurrentId} ({PersonalDataKeyRing.Name(ring.Current.Cipher)}), in {keys.FilePath}.");
        await migrator.MigrateAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        foreach (var database in databases)
        {
            var db = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
            var count = await PersonalDataResealer.ResealAsync(db, Math.Max(1, settings.BatchSize), cancellationToken);
            if (count > 0) AnsiConsole.MarkupLineInterpolated($"{database.Module}: 已重新加密 {count} 个值 / re-sealed {count} values.");
        }
        AnsiConsole.MarkupLine("完成。请备份密钥目录 / Done. Back up the key directory now (tongban backup --passphrase-file …).");
        return 0;
    }
}
