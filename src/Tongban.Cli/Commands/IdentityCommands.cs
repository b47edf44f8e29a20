using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Outbox;

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

/// <summary>
/// The first system administrator of a new installation, with a one-time password shown here once: the holder replaces
/// it and enrols an authenticator at the first sign-in. Refused once an active system administrator exists.
/// </summary>
internal sealed class CreateAdminCommand(IServiceScopeFactory scopes, OutboxDispatcher outbox) : AsyncCommand<CreateAdminCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--id-number <ID>")]
        [Description("The administrator's resident ID number (their sign-in name with the phone)")]
        public string IdNumber { get; init; } = "";

        [CommandOption("--name <NAME>")]
        [Description("The administrator's name as on the ID card")]
        public string Name { get; init; } = "";

        [CommandOption("--phone <PHONE>")]
        [Description("The administrator's mobile phone number")]
        public string Phone { get; init; } = "";

        [CommandOption("--department <CREDIT_CODE>")]
        [Description("The credit code of the department running the platform (load the region's organisation first)")]
        public string Department { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        string password;
        await using (var scope = scopes.CreateAsyncScope())
            password = await scope.ServiceProvider.GetRequiredService<IFirstAdministrator>()
                .CreateAsync(new FirstAdministrator(settings.IdNumber, settings.Name, settings.Phone, settings.Department), cancellationToken);
        await outbox.DispatchDueAsync(cancellationToken);
        AnsiConsole.MarkupLine("[green]已创建系统管理员 / System administrator created.[/]");
        AnsiConsole.MarkupLineInterpolated($"一次性密码 / One-time password: [bold]{password}[/]");
        AnsiConsole.MarkupLine("首次登录（/account/sign-in）须修改此密码并启用动态口令；此密码不会再次显示。 / At the first sign-in (/account/sign-in) the holder must replace this password and enrol an authenticator; it is not shown again.");
        return 0;
    }
}
