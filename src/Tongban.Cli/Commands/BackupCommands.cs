using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Backup;
using Tongban.Kernel.Errors;

namespace Tongban.Cli.Commands;

/// <summary>Where a backup's passphrase comes from: a file (first line) or TONGBAN_BACKUP_PASSPHRASE; never a command-line argument, which others can read.</summary>
internal class PassphraseSettings : CommandSettings
{
    public const string Variable = "TONGBAN_BACKUP_PASSPHRASE";

    [CommandOption("--passphrase-file <FILE>")]
    [Description("A file whose first line is the passphrase that seals (backup) or opens (restore) the private keys; or set TONGBAN_BACKUP_PASSPHRASE")]
    public string? PassphraseFile { get; init; }

    public string? Passphrase() => PassphraseFile is { } file
        ? File.ReadLines(AuditVerifyCommand.Existing(file)).FirstOrDefault()?.Trim()
        : Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;
}

/// <summary>Writes the instance to one archive: database, material files, checkpoints, public keys, and the private keys sealed when a passphrase is given.</summary>
internal sealed class BackupCommand(MakeBackup backup) : AsyncCommand<BackupCommand.Settings>
{
    internal sealed class Settings : PassphraseSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("The archive to write (ZIP)")]
        public string Out { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Out))
            throw new DomainException(new DomainError("backup.no_out", "请用 --out 指定备份文件", "Name the backup file with --out"));
        var summary = await backup.RunAsync(Path.GetFullPath(settings.Out), settings.Passphrase(), cancellationToken);
        var files = summary.Manifest.Entries.Count(e => e.Path.StartsWith("files/", StringComparison.Ordinal));
        var keys = summary.Manifest.KeysSealed ? "the private keys sealed under the passphrase" : "the public keys";
        AnsiConsole.MarkupLineInterpolated($"[green]已备份 / Backed up[/] to {Path.GetFullPath(settings.Out)}: the database, {files} material files, {keys}.");
        if (summary.PrivateKeysLeftOut.Count > 0)
            AnsiConsole.MarkupLineInterpolated($"[yellow]私钥未包含 / Private keys not included[/] ({string.Join(", ", summary.PrivateKeysLeftOut)}): back up the key directory apart, or give a passphrase.");
        return 0;
    }
}

/// <summary>Restores an archive into an instance that holds nothing yet (or over one, with --force), then verifies every chain against its checkpoints.</summary>
internal sealed class RestoreCommand(RestoreBackup restore, IServiceScopeFactory scopes) : AsyncCommand<RestoreCommand.Settings>
{
    internal sealed class Settings : PassphraseSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The archive written by tongban backup")]
        public string File { get; init; } = "";

        [CommandOption("--force")]
        [Description("Replace what the target instance already holds")]
        public bool Force { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var manifest = await restore.RunAsync(AuditVerifyCommand.Existing(settings.File), settings.Passphrase(), settings.Force, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]已恢复 / Restored[/] the backup of {manifest.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC ({manifest.Entries.Count} entries, all matching their hashes).");
        await using var scope = scopes.CreateAsyncScope();
        return await AuditVerifyCommand.VerifyAllAsync(scope.ServiceProvider, CheckpointSources.Default, cancellationToken) == 0 ? 0 : 1;
    }
}
