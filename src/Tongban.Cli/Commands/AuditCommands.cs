using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Audit.Checkpoints;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Keys;
using Tongban.Kernel.Outbox;

namespace Tongban.Cli.Commands;

/// <summary>
/// Verifies every chain (the audit log, the registries' access log) against its signed checkpoints. Reads only: it
/// starts no background work, runs no outbox and makes no key, so it may be run against a live or a restored
/// database, or a copy taken as evidence, and leaves it as it was. Audit records still waiting in an outbox are counted,
/// not chained (a running instance chains them within a second).
/// </summary>
internal sealed class AuditVerifyCommand(IServiceScopeFactory scopes, IEnumerable<ModuleDatabase> databases) : AsyncCommand<AuditVerifyCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--checkpoints <FILE>")]
        [Description("Also check against the checkpoints in FILE (an export or a publish file kept elsewhere); may be repeated")]
        public string[] Checkpoints { get; init; } = [];

        [CommandOption("--public-key <FILE>")]
        [Description("Trust only these public keys (PEM) instead of the key directory's; may be repeated")]
        public string[] PublicKeys { get; init; } = [];
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var sources = new CheckpointSources([.. settings.Checkpoints.Select(Existing)],
            settings.PublicKeys.Length == 0 ? null : [.. settings.PublicKeys.Select(f => PublicSigningKey.FromPem(File.ReadAllText(Existing(f))))]);
        await using var scope = scopes.CreateAsyncScope();
        var broken = await VerifyAllAsync(scope.ServiceProvider, sources, cancellationToken);
        if (await PendingAuditRecordsAsync(scope.ServiceProvider, cancellationToken) is > 0 and var pending)
            AnsiConsole.MarkupLineInterpolated($"[yellow]{pending} 条审计记录尚在发件箱中等待记入 / {pending} audit records are still waiting in an outbox[/] (a running instance chains them).");
        return broken == 0 ? 0 : 1;
    }

    /// <summary>Verifies and prints every chain; returns how many are broken.</summary>
    internal static async Task<int> VerifyAllAsync(IServiceProvider services, CheckpointSources sources, CancellationToken ct)
    {
        var verifier = services.GetRequiredService<ChainVerifier>();
        var broken = 0;
        foreach (var chain in verifier.Chains)
        {
            var result = await verifier.VerifyAsync(chain, sources, ct);
            Print(chain, result);
            if (!result.IsIntact) broken++;
        }
        return broken;
    }

    private static void Print(string chain, AuditVerification result)
    {
        var covered = result.LastCheckpoint is { } last
            ? $"{result.CheckpointsChecked} signed checkpoints match, the last at entry #{last}"
            : "no signed checkpoint yet: a rewrite of the whole chain would not show";
        if (result.IsIntact)
            AnsiConsole.MarkupLineInterpolated($"[green]{chain}: 哈希链完整 / intact[/]: {result.EntriesChecked} entries; {covered}.");
        else
            AnsiConsole.MarkupLineInterpolated($"[red]{chain}: 哈希链被破坏 / broken[/] ({result.Fault}, entry #{result.Sequence}): {result.Description}");
    }

    private async Task<int> PendingAuditRecordsAsync(IServiceProvider services, CancellationToken ct)
    {
        var pending = 0;
        foreach (var database in databases)
            if (services.GetRequiredService(database.ContextType) is IOutboxContext outbox)
                pending += await outbox.OutboxMessages.CountAsync(m => m.Type == AuditRecord.MessageType && m.Status == OutboxStatus.Pending, ct);
        return pending;
    }

    internal static string Existing(string path) => File.Exists(path) ? Path.GetFullPath(path)
        : throw new DomainException(new DomainError("audit.no_file", $"文件不存在：{path}", $"No such file: {path}"));
}

/// <summary>Writes every chain's signed checkpoints and the public keys to check them with to one JSON file, to hand to whoever keeps a copy.</summary>
internal sealed class ExportCheckpointsCommand(IServiceScopeFactory scopes, SigningKeys keys, TimeProvider clock) : AsyncCommand<ExportCheckpointsCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("The file to write (JSON)")]
        public string Out { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.Out))
            throw new DomainException(new DomainError("audit.no_out", "请用 --out 指定输出文件", "Name the output file with --out"));
        await using var scope = scopes.CreateAsyncScope();
        var checkpoints = await scope.ServiceProvider.GetRequiredService<KernelDbContext>().Checkpoints.AsNoTracking()
            .OrderBy(c => c.Chain).ThenBy(c => c.Sequence).ToListAsync(cancellationToken);
        var trusted = keys.Trusted(CheckpointOptions.KeyName);
        await CheckpointFile.WriteExportAsync(settings.Out, trusted, checkpoints, clock.GetUtcNow(), cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]已导出 / Exported[/] {checkpoints.Count} checkpoints and {trusted.Count} public keys ({string.Join(", ", trusted.Select(k => k.KeyId))}) to {Path.GetFullPath(settings.Out)}.");
        return 0;
    }
}

/// <summary>Signs the head of every chain that moved since its last checkpoint, now (before a backup, say).</summary>
internal sealed class SignCheckpointsCommand(CheckpointSigner signer) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var signed = await signer.SignDueAsync(force: true, cancellationToken);
        foreach (var c in signed) AnsiConsole.MarkupLineInterpolated($"[green]已签名 / signed[/] {c.Chain} at entry #{c.Sequence} (key {c.KeyId}, {c.Algorithm}{(c.Timestamp is null ? "" : ", timestamped")})");
        if (signed.Count == 0) AnsiConsole.MarkupLine("没有需要签名的新记录 / Nothing new to sign.");
        return 0;
    }
}

/// <summary>Retires the checkpoint key: its public key stays trusted, and the next signing makes a new key.</summary>
internal sealed class RotateCheckpointKeyCommand(SigningKeys keys, TimeProvider clock) : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        var retired = keys.Retire(CheckpointOptions.KeyName, clock.GetUtcNow());
        if (retired is null)
            AnsiConsole.MarkupLine("没有可轮换的密钥 / No key to rotate: one is made at the next signing.");
        else
            AnsiConsole.MarkupLineInterpolated($"[green]已停用密钥 / Retired key[/] {retired}: it keeps verifying the checkpoints it signed; the next signing makes a new key. Publish the new public key.");
        return 0;
    }
}
