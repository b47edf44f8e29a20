using System.Data.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Cli.Commands;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Web.Hosting;

namespace Tongban.Cli;

/// <summary>The <c>tongban</c> command: the same modules and settings as the web host, without the web.</summary>
public static class TongbanCommand
{
    public static Task<int> Main(string[] args) => RunAsync(args);

    /// <summary>
    /// Runs one command. The host is built but never started: no hosted service (outbox, checkpoints, checkpointer)
    /// runs in the command, so a command does what it says and nothing else. <paramref name="settings"/> override the
    /// configuration (tests point the command at their own database).
    /// </summary>
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddJsonFile("tongban.json", optional: true).AddEnvironmentVariables();
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddTongbanModules(builder.Configuration).AddTongbanDataProtection();
        using var host = builder.Build();

        var app = new CommandApp(new ServiceProviderRegistrar(host.Services));
        app.Configure(c =>
        {
            c.SetApplicationName("tongban");
            c.AddBranch("db", db =>
            {
                db.SetDescription("Database schema (数据库)");
                db.AddCommand<MigrateCommand>("migrate").WithDescription("Apply every module's pending migrations");
                db.AddCommand<StatusCommand>("status").WithDescription("List pending migrations");
            });
            c.AddBranch("seed", seed =>
            {
                seed.SetDescription("Demo and reference data (演示数据)");
                seed.AddCommand<SeedDemoCommand>("demo").WithDescription("Load the demo region pack (regions/NAME) into an empty database");
                seed.AddCommand<SeedCatalogCommand>("catalog").WithDescription("Grow the catalog to --items N for benchmarks");
                seed.AddCommand<SeedRegistriesCommand>("registries").WithDescription("Load the demo registry records and a generated set (--people N, default 20000)");
            });
            c.AddBranch("import", import =>
            {
                import.SetDescription("Imports from files (导入)");
                import.AddCommand<ImportDivisionsCommand>("divisions").WithDescription("Add divisions from a CSV file; all or nothing");
                import.AddCommand<ImportCatalogCommand>("catalog").WithDescription("Import a provincial catalog feed (JSON); all or nothing");
                import.AddCommand<ImportRegistryCommand>("registry").WithDescription("Import a CSV or JSON Lines file into a base registry; bad lines are reported, good lines load; resumable");
                import.AddCommand<ImportLicensesCommand>("licenses").WithDescription("Import historical licenses (CSV or JSON Lines), each sealed by its authority; bad lines named in the quality report; resumable");
            });
            c.AddBranch("generate", generate =>
            {
                generate.SetDescription("Synthetic data (合成数据)");
                generate.AddCommand<GenerateCasesCommand>("cases").WithDescription("Write --count N synthetic cases of the demo catalog's items into the database (deterministic by --seed); the statistics are then filled from the cases");
                generate.AddCommand<GenerateRegistryCommand>("registry").WithDescription("Write --count N synthetic registry records of the demo region to --out FILE");
                generate.AddCommand<GenerateLicensesCommand>("licenses").WithDescription("Write --count N plausible historical license records (a share bad) of the demo catalog to --out FILE");
            });
            c.AddBranch("applications", applications =>
            {
                applications.SetDescription("Applications and cases (申办与办件)");
                applications.AddCommand<RemindDeferredCommand>("remind").WithDescription("Send the due reminders and overdue notices of deferred materials (容缺) now; each goes once");
            });
            c.AddBranch("statistics", statistics =>
            {
                statistics.SetDescription("Statistics and supervision figures (统计)");
                statistics.AddCommand<RebuildStatisticsCommand>("rebuild").WithDescription("Recompute the daily roll-ups from the case facts (--from DATE: from that day on), a day per transaction; --facts (or no facts kept) fills the facts from the cases first");
                statistics.AddCommand<PublishPerformanceCommand>("publish").WithDescription("Publish a month's public performance figures (效能公示; --month yyyy-MM, default the last ended month), or publish it again");
            });
            c.AddBranch("federation", federation =>
            {
                federation.SetDescription("Federation with the province (省市数据对接)");
                federation.AddCommand<ReconcileFederationCommand>("reconcile").WithDescription("Compare each kind's records of a day with the province (--day DATE, default yesterday and today) and send again what it lacks");
                federation.AddCommand<PullCatalogCommand>("pull-catalog").WithDescription("Pull the provincial catalog's changes (--from-start: all of it again) and apply them through the catalog's rules, naming each refused item");
            });
            c.AddBranch("licenses", licenses =>
            {
                licenses.SetDescription("The electronic license library (电子证照库)");
                licenses.AddCommand<ListLicensesCommand>("list").WithDescription("Print license identifiers, one a line (--type CODE, --holder NUMBER)");
                licenses.AddCommand<ExportLicenseCommand>("export").WithDescription("Write license.json (the signed bytes), license.sig (DER) and issuer.pem to --out DIR, for OpenSSL");
                licenses.AddCommand<RotateLicenseKeyCommand>("rotate-key").WithDescription("New signing keys for an issuing authority; the old ones keep verifying");
            });
            c.AddBranch("identity", identity =>
            {
                identity.SetDescription("Unified identity (统一身份认证)");
                identity.AddCommand<CreateAdminCommand>("create-admin").WithDescription("Create the first system administrator with a one-time password (refused once one exists)");
                identity.AddCommand<RotateKeysCommand>("rotate-keys").WithDescription("Add new OpenID Connect signing and encryption keys (the previous ones keep validating)");
            });
            c.AddBranch("audit", audit =>
            {
                audit.SetDescription("The audit chain and the registries' access log (审计日志)");
                audit.AddCommand<AuditVerifyCommand>("verify").WithDescription("Verify every hash chain against its signed checkpoints; names the first altered, inserted or deleted entry, or the first after the last good checkpoint. Reads only");
                audit.AddBranch("checkpoints", checkpoints =>
                {
                    checkpoints.SetDescription("Signed checkpoints of the chains' heads (签名检查点)");
                    checkpoints.AddCommand<ExportCheckpointsCommand>("export").WithDescription("Write every checkpoint and the public keys to --out FILE");
                    checkpoints.AddCommand<SignCheckpointsCommand>("sign").WithDescription("Sign the head of every chain that moved since its last checkpoint, now");
                    checkpoints.AddCommand<RotateCheckpointKeyCommand>("rotate-key").WithDescription("Retire the signing key (its public key stays trusted); the next signing makes a new one");
                });
            });
            c.AddBranch("keys", keys =>
            {
                keys.SetDescription("Keys kept outside the database (密钥)");
                keys.AddCommand<RotatePersonalDataKeyCommand>("rotate-personal-data").WithDescription("Add a new personal-data key (the first on a new installation) and re-seal every ID and phone number under it, in batches; older keys stay to open old rows");
            });
            c.AddBranch("node", node =>
            {
                node.SetDescription("Exchange nodes and their directory (前置机)");
                node.AddCommand<NodeKeysCommand>("keys").WithDescription("On a node: make its signing key on first use and print (or --out) the public key");
                node.AddCommand<AddNodeCommand>("add").WithDescription("On the centre: register a member's node (--member, --code, --address, --public-key, --tls-fingerprint or --tls-certificate); --anchor-out writes the centre's key");
                node.AddCommand<RotateNodeKeyCommand>("rotate-key").WithDescription("On a node: a new signing key (the old public key kept to verify old log entries); --out writes it for the centre");
                node.AddCommand<VerifyNodeLogCommand>("verify-log").WithDescription("On a node: check its whole message log against the stamps it holds and the centre's copies (exit code 1 when it is not intact)");
                node.AddCommand<UpdateNodeKeyCommand>("update-key").WithDescription("On the centre: publish a node's new key (NODE --public-key FILE); its messages signed with the old key are refused from the next configuration");
                node.AddBranch("service", service =>
                {
                    service.SetDescription("Services offered through nodes (节点服务)");
                    service.AddCommand<AddNodeServiceCommand>("add").WithDescription("On the centre: register a provider's service (--provider, --code, --title, --resource, --items)");
                });
            });
            c.AddCommand<BackupCommand>("backup").WithDescription("Back up the database, material files, checkpoints and keys (sealed under a passphrase) to --out FILE (备份)");
            c.AddCommand<RestoreCommand>("restore").WithDescription("Restore a backup into an empty instance (or --force over one) and verify the chains (恢复)");
            c.SetExceptionHandler((ex, _) =>
            {
                if (ex is DomainException domain)
                    foreach (var error in domain.Errors) AnsiConsole.MarkupLineInterpolated($"[red]{error.Chinese}[/] / {error.English}");
                else if (ex is DbException && HasPendingMigrations(host.Services))
                    AnsiConsole.MarkupLine("[red]数据库尚未迁移到当前版本：请先运行 tongban db migrate。[/] / The database is not migrated to this version: run `tongban db migrate` first.");
                else
                    AnsiConsole.WriteException(ex, ExceptionFormats.ShortenEverything);
                return 2;
            });
        });
        return await app.RunAsync(args);
    }

    /// <summary>A database error on a schema behind this version (a new data directory, or one left before an upgrade).</summary>
    private static bool HasPendingMigrations(IServiceProvider services)
    {
        try
        {
            return services.GetRequiredService<DatabaseMigrator>().PendingAsync(CancellationToken.None).GetAwaiter().GetResult().Count > 0;
        }
        catch (DbException)
        {
            return false; // the database itself cannot be reached: the original error says more
        }
    }
}
