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
        var id = await directory.AddNodeAsync(new NodeRegistration(settings.Member, settings.Code, settings.Address,
            await File.ReadAllTextAsync(settings.PublicKey, cancellationToken), settings.TlsFingerprint), cancellationToken);
        var anchor = directory.Anchor();
        if (settings.AnchorOut is { Length: > 0 } file) await File.WriteAllTextAsync(file, anchor.Pem + "\n", cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]已登记节点 / Node registered[/]: {id}. 中心公钥 / Anchor: {anchor.Algorithm}, {anchor.KeyId}");
        return 0;
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

internal static class NodeCommandRoles
{
    /// <summary>A node command runs in its role: <c>node keys</c> on a node, the directory's commands on the platform.</summary>
    public static T Require<T>(IServiceProvider services, bool node) where T : notnull => services.GetService<T>() ?? throw new DomainException(node
        ? new DomainError("node.role", "此命令在节点上运行（Tongban:Role=node）", "This command runs on a node (Tongban:Role=node)")
        : new DomainError("node.role", "此命令在平台（中心）上运行", "This command runs on the platform (the centre), not on a node"));
}
