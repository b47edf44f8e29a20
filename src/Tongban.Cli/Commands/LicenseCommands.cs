using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Licenses.Contracts;

namespace Tongban.Cli.Commands;

/// <summary>Prints the identifiers of the licenses of a type and/or a holder, one a line (nothing else on standard output).</summary>
internal sealed class ListLicensesCommand(ILicenseLibrary licenses, OutboxDispatcher outbox) : AsyncCommand<ListLicensesCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--type <CODE>")]
        [Description("A license type code (证照类型代码)")]
        public string? Type { get; init; }

        [CommandOption("--holder <NUMBER>")]
        [Description("The holder's resident ID number or unified social credit code (the look-up is audited)")]
        public string? Holder { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        foreach (var identifier in await licenses.ListAsync(settings.Type, settings.Holder, Actor.CommandLine, cancellationToken))
            Console.Out.WriteLine(identifier);
        await outbox.DispatchDueAsync(cancellationToken);
        return 0;
    }
}

/// <summary>Writes license.json (exactly the signed bytes), license.sig (DER) and issuer.pem for an independent check with OpenSSL.</summary>
internal sealed class ExportLicenseCommand(ILicenseLibrary licenses) : AsyncCommand<ExportLicenseCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<ID>")]
        [Description("The license identifier (电子证照标识)")]
        public string Id { get; init; } = "";

        [CommandOption("--out <DIR>")]
        [Description("The directory to write license.json, license.sig and issuer.pem into (made if missing)")]
        public string Out { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Out.Length == 0)
            throw new DomainException(new DomainError("export.out", "请用--out指明输出目录", "Name the output directory with --out", Field: "--out"));
        var export = await licenses.ExportAsync(settings.Id, Actor.CommandLine, cancellationToken);
        var directory = Directory.CreateDirectory(settings.Out).FullName;
        await File.WriteAllBytesAsync(Path.Combine(directory, "license.json"), export.LicenseJson, cancellationToken);
        await File.WriteAllBytesAsync(Path.Combine(directory, "license.sig"), export.Signature, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "issuer.pem"), export.IssuerPublicKeyPem + "\n", cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]已导出[/] / exported {export.Identifier} ({export.Algorithm}) → {directory}");
        if (export.Algorithm == "SM2-SM3")
            AnsiConsole.MarkupLineInterpolated($"openssl pkeyutl -verify -pubin -inkey issuer.pem -rawin -in license.json -sigfile license.sig -digest sm3 -pkeyopt distid:1234567812345678");
        else
            AnsiConsole.MarkupLineInterpolated($"openssl pkeyutl -verify -pubin -inkey issuer.pem -rawin -in license.json -sigfile license.sig -digest sha256");
        return 0;
    }
}

/// <summary>Retires an authority's signing keys and makes new ones; licenses signed before still verify with the old keys.</summary>
internal sealed class RotateLicenseKeyCommand(ILicenseLibrary licenses, OutboxDispatcher outbox) : AsyncCommand<RotateLicenseKeyCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<AUTHORITY>")]
        [Description("The issuing authority's unified social credit code")]
        public string Authority { get; init; } = "";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        foreach (var key in await licenses.RotateKeyAsync(settings.Authority, Actor.CommandLine, cancellationToken))
            AnsiConsole.MarkupLineInterpolated($"[green]新密钥[/] / new key {key.KeyId} ({key.Purpose}, {key.Algorithm})");
        await outbox.DispatchDueAsync(cancellationToken);
        AnsiConsole.MarkupLine("旧密钥已停用，仍用于验证此前签发的证照 / the previous keys are retired and still verify what they signed");
        return 0;
    }
}
