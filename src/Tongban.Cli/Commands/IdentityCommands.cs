using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Identity.Contracts;

namespace Tongban.Cli.Commands;

/// <summary>Adds new OpenID Connect signing and encryption keys; instances use them from their next start (docs/operations.md).</summary>
internal sealed class RotateKeysCommand(IOpenIdConnectKeys keys) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await keys.RotateAsync(cancellationToken);
        AnsiConsole.MarkupLine("[green]已生成新的签名和加密密钥 / New signing and encryption keys added[/]: restart every instance; the previous keys stay published and keep validating.");
        return 0;
    }
}
