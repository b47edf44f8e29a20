using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;

namespace Tongban.Cli.Commands;

internal sealed class AuditVerifyCommand(IServiceScopeFactory scopes, OutboxDispatcher outbox) : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        await outbox.DispatchDueAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken);
        if (result.IsIntact)
        {
            AnsiConsole.MarkupLineInterpolated($"[green]审计哈希链完整 / The audit chain is intact[/]: {result.EntriesChecked} entries.");
            return 0;
        }
        AnsiConsole.MarkupLineInterpolated($"[red]审计哈希链被破坏 / The audit chain is broken[/]: {result.Description}");
        return 1;
    }
}
