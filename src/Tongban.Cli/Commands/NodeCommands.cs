using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Nodes.Contracts;

namespace Tongban.Cli.Commands;

/// <summary>The node's own signing key (node role): made on first use, its public half printed or written for the centre's operator.</summary>
internal sealed class NodeKeysCommand(IServiceProvider services) : AsyncCommand<NodeKeysCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--out <FILE>")]
        [Description("Write the public key (PEM) to FILE, to hand to the centre's operator")]
        public string? Out { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var key = NodeCommandRoles.Require<INodeKeys>(services, node: true).PublicKey();
        if (settings.Out is { Length: > 0 } file) await File.WriteAllTextAsync(file, key.Pem + "\n", cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]节点签名密钥 / Node signing key[/]: {key.Algorithm}, {key.KeyId}");
        Console.Out.WriteLine(key.Pem);
        return 0;
    }
}

/// <summary>Registers a member's node at the centre (platform role) and writes the anchor the node must hold.</summary>
internal sealed class AddNodeCommand(IServiceScopeFactory scopes, DatabaseMigrator migrator) : AsyncCommand<AddNodeCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--member <CREDIT_CODE>")]
        [Description("The member department's unified social credit code (统一社会信用代码)")]
        public string Member { get; init; } = "";

        [CommandOption("--code <CODE>")]
        [Description("The node's code within its member (lower-case letters, digits, hyphens)")]
        public string Code { get; init; } = "";

        [CommandOption("--address <URL>")]
        [Description("Where the node answers (https; http only on loopback)")]
        public string Address { get; init; } = "";

        [CommandOption("--public-key <FILE>")]
        [Description("The node's public signing key, PEM (from `tongban node keys` on the node)")]
        public string PublicKey { get; init; } = "";

        [CommandOption("--tls-fingerprint <SHA256>")]
        [Description("SHA-256 fingerprint of the node's TLS certificate (peers pin it)")]
        public string TlsFingerprint { get; init; } = "";

        [CommandOption("--tls-certificate <FILE>")]
        [Description("The node's TLS certificate (PEM): its fingerprint and expiry are taken from it (instead of --tls-fingerprint)")]
        public string? TlsCertificate { get; init; }

        [CommandOption("--anchor-out <FILE>")]
        [Description("Write the centre's public key (the anchor the node verifies its configuration with) to FILE")]
        public string? AnchorOut { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.PublicKey))
            throw new DomainException(new DomainError("node.public_key_file", "请用--public-key指明节点公钥文件", "Name the node's public key file with --public-key", Field: "--public-key"));
        await migrator.MigrateAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var directory = NodeCommandRoles.Require<INodeDirectory>(scope.ServiceProvider, node: false);
        (string Fingerprint, DateTimeOffset? ExpiresAt) tls = settings.TlsCertificate is { Length: > 0 } certificate ? TlsCertificates.Read(certificate) : (settings.TlsFingerprint, null);
        var id = await directory.AddNodeAsync(new NodeRegistration(settings.Member, settings.Code, settings.Address,
            await File.ReadAllTextAsync(settings.PublicKey, cancellationToken), tls.Fingerprint, tls.ExpiresAt), cancellationToken);
        var anchor = directory.Anchor();
        if (settings.AnchorOut is { Length: > 0 } file) await File.WriteAllTextAsync(file, anchor.Pem + "\n", cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]已登记节点 / Node registered[/]: {id}. 中心公钥 / Anchor: {anchor.Algorithm}, {anchor.KeyId}");
        return 0;
    }
}

/// <summary>
/// On a node: retires its signing key (the public half stays in the key directory, so the node's old log entries keep
/// verifying) and makes a new one, written for the centre's operator. Until the centre publishes it
/// (<c>tongban node update-key</c>), other nodes refuse this node's messages: rotate, then update at once.
/// </summary>
internal sealed class RotateNodeKeyCommand(IServiceProvider services) : AsyncCommand<NodeKeysCommand.Settings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, NodeKeysCommand.Settings settings, CancellationToken cancellationToken)
    {
        var key = NodeCommandRoles.Require<INodeKeys>(services, node: true).Rotate();
        if (settings.Out is { Length: > 0 } file) await File.WriteAllTextAsync(file, key.Pem + "\n", cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]新的节点签名密钥 / New node signing key[/]: {key.Algorithm}, {key.KeyId}");
        AnsiConsole.MarkupLine("请立即在中心运行 tongban node update-key。 / Run `tongban node update-key` at the centre now.");
        Console.Out.WriteLine(key.Pem);
        return 0;
    }
}

/// <summary>On the centre: publishes a node's new public key; the next configuration carries it and the old key's messages are refused.</summary>
internal sealed class UpdateNodeKeyCommand(IServiceScopeFactory scopes, DatabaseMigrator migrator) : AsyncCommand<UpdateNodeKeyCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<NODE>")]
        [Description("The node, {member credit code}/{code}")]
        public string Node { get; init; } = "";

        [CommandOption("--public-key <FILE>")]
        [Description("The node's new public key, PEM (from `tongban node rotate-key` on the node)")]
        public string PublicKey { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.PublicKey))
            throw new DomainException(new DomainError("node.public_key_file", "请用--public-key指明节点公钥文件", "Name the node's public key file with --public-key", Field: "--public-key"));
        await migrator.MigrateAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var keyId = await NodeCommandRoles.Require<INodeDirectory>(scope.ServiceProvider, node: false)
            .UpdateKeyAsync(settings.Node, await File.ReadAllTextAsync(settings.PublicKey, cancellationToken), cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]已更新节点公钥 / Node key updated[/]: {settings.Node}, {keyId}");
        return 0;
    }
}

/// <summary>A node's TLS certificate as the directory keeps it: the SHA-256 fingerprint peers pin and when it expires.</summary>
internal static class TlsCertificates
{
    public static (string Fingerprint, DateTimeOffset ExpiresAt) Read(string file)
    {
        try
        {
            using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(File.ReadAllText(file));
            return (Convert.ToHexStringLower(certificate.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256)), new DateTimeOffset(certificate.NotAfter.ToUniversalTime()));
        }
        catch (Exception ex) when (ex is IOException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new DomainException(new DomainError("node.tls_certificate_invalid", "无法读取TLS证书文件（需要PEM格式）",
                "The TLS certificate file could not be read (PEM expected)", Field: "--tls-certificate"));
        }
    }
}

/// <summary>Registers a service a provider member offers through its nodes (platform role).</summary>
internal sealed class AddNodeServiceCommand(IServiceScopeFactory scopes, DatabaseMigrator migrator) : AsyncCommand<AddNodeServiceCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--provider <CREDIT_CODE>")]
        [Description("The provider department's unified social credit code")]
        public string Provider { get; init; } = "";

        [CommandOption("--code <CODE>")]
        [Description("The service code (lower-case letters, digits, hyphens)")]
        public string Code { get; init; } = "";

        [CommandOption("--service-version <VERSION>")]
        [Description("The service version (default 1)")]
        public string Version { get; init; } = "1";

        [CommandOption("--title <TITLE>")]
        [Description("The service's name, as people read it")]
        public string Title { get; init; } = "";

        [CommandOption("--resource <CODE>")]
        [Description("The sharing resource whose grants give the right to call it")]
        public string Resource { get; init; } = "";

        [CommandOption("--items <A,B>")]
        [Description("The data items it returns, comma-separated")]
        public string Items { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        await NodeCommandRoles.Require<INodeDirectory>(scope.ServiceProvider, node: false).AddServiceAsync(new ServiceRegistration(settings.Provider, settings.Code,
            settings.Version, settings.Title, settings.Resource, settings.Items.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)), cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]已登记服务 / Service registered[/]: {settings.Code}");
        return 0;
    }
}

/// <summary>
/// On a node: walks its whole message log against every stamp it holds and every stamp the centre answers for it
/// (<see cref="INodeLog.VerifyAsync"/>, as <c>GET /node/log/verification</c>); exit code 0 when intact, 1 when not.
/// </summary>
internal sealed class VerifyNodeLogCommand(IServiceProvider services, DatabaseMigrator migrator) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var log = NodeCommandRoles.Require<INodeLog>(services, node: true);
        await migrator.MigrateAsync(cancellationToken);
        var check = await log.VerifyAsync(cancellationToken);
        var table = new Table().AddColumns("项目 / Item", "数 / Count")
            .AddRow("已核对日志条目 / Entries checked", check.EntriesChecked.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AddRow("已核对时间戳 / Stamps checked", check.StampsChecked.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AddRow("本节点保存的时间戳 / Stamps held here", check.StampsHeld.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .AddRow("中心保存的时间戳 / Stamps at the centre", check.CentreReached ? check.StampsFromCentre.ToString(System.Globalization.CultureInfo.InvariantCulture) : "中心未应答 / centre not reached");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"[{(check.Intact ? "green" : "red")}]{check.Chinese}[/]");
        AnsiConsole.MarkupLineInterpolated($"[{(check.Intact ? "green" : "red")}]{check.English}[/]");
        return check.Intact ? 0 : 1;
    }
}

internal static class NodeCommandRoles
{
    /// <summary>A node command runs in its role: <c>node keys</c> on a node, the directory's commands on the platform.</summary>
    public static T Require<T>(IServiceProvider services, bool node) where T : notnull => services.GetService<T>() ?? throw new DomainException(node
        ? new DomainError("node.role", "此命令在节点上运行（Tongban:Role=node）", "This command runs on a node (Tongban:Role=node)")
        : new DomainError("node.role", "此命令在平台（中心）上运行", "This command runs on the platform (the centre), not on a node"));
}
