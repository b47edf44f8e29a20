using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Catalog.Contracts;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;

namespace Tongban.Cli.Commands;

internal sealed class ImportCatalogCommand(ICatalogImport catalog, OutboxDispatcher outbox) : AsyncCommand<ImportCatalogCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A provincial catalog feed: JSON, or the CSV form's items.csv (docs/catalog-feed.md)")]
        public string File { get; init; } = "";

        [CommandOption("--partial")]
        [Description("With a CSV feed: it holds part of the provincial catalog, so local items missing from it are not reported")]
        public bool Partial { get; init; }

        [CommandOption("--materials <FILE>")]
        [Description("With a CSV feed: its materials file (default: materials.csv beside the items file)")]
        public string? Materials { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        CatalogImportResult result;
        if (settings.File.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            using var items = new StreamReader(settings.File);
            using var materials = new StreamReader(settings.Materials ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.File))!, "materials.csv"));
            result = await catalog.ImportCsvFeedAsync(items, materials, Path.GetFileName(settings.File), !settings.Partial, Actor.CommandLine, cancellationToken);
        }
        else
        {
            result = await catalog.ImportFeedAsync(await File.ReadAllBytesAsync(settings.File, cancellationToken), Path.GetFileName(settings.File), Actor.CommandLine, cancellationToken);
        }
        await outbox.DispatchDueAsync(cancellationToken);
        CatalogReport.Print(result, watch.Elapsed);
        return 0;
    }
}

internal sealed class SeedCatalogCommand(ICatalogImport catalog, OutboxDispatcher outbox) : AsyncCommand<SeedCatalogCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--items <N>")]
        [Description("Grow the catalog to N items (e.g. 22112 or 220000) by generating implementations of the existing items")]
        public int Items { get; init; } = 22112;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var result = await catalog.GenerateAsync(settings.Items, Actor.CommandLine, cancellationToken);
        await outbox.DispatchDueAsync(cancellationToken);
        CatalogReport.Print(result, watch.Elapsed);
        return 0;
    }
}

internal static class CatalogReport
{
    public static void Print(CatalogImportResult r, TimeSpan took)
    {
        AnsiConsole.MarkupLineInterpolated($"[green]新增 {r.Added}，变更 {r.Changed}，未变 {r.Unchanged}，取消 {r.Abolished}，一件事 {r.Bundles}[/] / added {r.Added}, changed {r.Changed}, unchanged {r.Unchanged}, abolished {r.Abolished}, bundles {r.Bundles} ({took.TotalSeconds:F1} s)");
        foreach (var warning in r.Warnings.Take(50)) AnsiConsole.MarkupLineInterpolated($"[yellow]warning[/] {warning}");
        if (r.Warnings.Count > 50) AnsiConsole.MarkupLineInterpolated($"[yellow]… and {r.Warnings.Count - 50} more warnings[/]");
    }
}
