using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Registries.Contracts;

namespace Tongban.Cli.Commands;

internal sealed class ImportRegistryCommand(IRegistryImport registries, OutboxDispatcher outbox) : AsyncCommand<ImportRegistryCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<REGISTRY>")]
        [Description("population, legal-entities, geospatial or credit-lists")]
        public string Registry { get; init; } = "";

        [CommandArgument(1, "<FILE>")]
        [Description("A CSV or JSON Lines file (docs/registries.md)")]
        public string File { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("csv or jsonl (default: from the file's extension)")]
        public string? Format { get; init; }

        [CommandOption("--chunk-size <LINES>")]
        [Description("Lines per transaction; the checkpoint an interrupted import resumes from moves after each (default 50000)")]
        public int ChunkSize { get; init; } = 50_000;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = FileImportProgress.Existing(settings.File);
        var format = RegistryCli.Format(settings.Format, path);
        var report = path + ".rejected.csv";
        var request = new RegistryImportRequest(settings.Registry, Path.GetFileName(path), () => File.OpenRead(path), format, Actor.CommandLine, settings.ChunkSize, report);
        var summary = await FileImportProgress.RunAsync(path, progress =>
        {
            var resumedShown = false;
            return registries.ImportAsync(request, new FileImportProgress.Reporter<RegistryImportProgress>(p =>
            {
                if (p.ResumedAfterLine > 0 && !resumedShown)
                {
                    resumedShown = true;
                    AnsiConsole.MarkupLineInterpolated($"[yellow]续传：上次导入中断，从第{p.ResumedAfterLine}条记录之后继续[/] / resuming the interrupted import after record {p.ResumedAfterLine}");
                }
                progress(p.BytesRead, p.LinesRead);
            }), cancellationToken);
        });
        await outbox.DispatchDueAsync(cancellationToken);
        RegistryCli.Print(summary);
        return 0;
    }
}

internal sealed class GenerateRegistryCommand(IRegistryImport registries) : AsyncCommand<GenerateRegistryCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<REGISTRY>")]
        [Description("population, legal-entities, geospatial or credit-lists")]
        public string Registry { get; init; } = "";

        [CommandOption("--count <N>")]
        [Description("How many records")]
        public long Count { get; init; } = 1000;

        [CommandOption("--out <FILE>")]
        [Description("The file to write")]
        public string Out { get; init; } = "";

        [CommandOption("--seed <S>")]
        [Description("The same seed makes the same records (default 1, the demo's seed)")]
        public int Seed { get; init; } = 1;

        [CommandOption("--format <FORMAT>")]
        [Description("csv or jsonl (default: from the file's extension)")]
        public string? Format { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Out.Length == 0)
            throw new DomainException(new DomainError("generate.out", "请用--out指明输出文件", "Name the output file with --out", Field: "--out"));
        var watch = Stopwatch.StartNew();
        var format = RegistryCli.Format(settings.Format, settings.Out);
        long written;
        await using (var output = File.Create(settings.Out))
            written = await registries.GenerateAsync(settings.Registry, settings.Count, settings.Seed, format, output, cancellationToken);
        AnsiConsole.MarkupLineInterpolated($"[green]已生成 {written:N0} 条记录[/] / generated {written:N0} records → {settings.Out} ({watch.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }
}

internal sealed class SeedRegistriesCommand(DatabaseMigrator migrator, IRegistryImport registries, OutboxDispatcher outbox) : AsyncCommand<SeedRegistriesCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--people <N>")]
        public int People { get; init; } = RegistrySeedSize.Default.People;

        [CommandOption("--entities <N>")]
        public int Entities { get; init; } = RegistrySeedSize.Default.Entities;

        [CommandOption("--features <N>")]
        public int Features { get; init; } = RegistrySeedSize.Default.Features;

        [CommandOption("--credit-entries <N>")]
        public int CreditEntries { get; init; } = RegistrySeedSize.Default.CreditEntries;

        [CommandOption("--seed <S>")]
        public int Seed { get; init; } = 1;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        await migrator.MigrateAsync(cancellationToken);
        var summaries = await registries.SeedAsync(new RegistrySeedSize(settings.People, settings.Entities, settings.Features, settings.CreditEntries), settings.Seed, cancellationToken);
        await outbox.DispatchDueAsync(cancellationToken);
        foreach (var summary in summaries) RegistryCli.Print(summary, rejections: 3);
        return 0;
    }
}

internal static class RegistryCli
{
    public static ImportFormat Format(string? option, string path) =>
        (option is null ? ImportFormats.OfFile(path) : ImportFormats.Parse(option))
        ?? throw new DomainException(new DomainError("import.format", "无法判断文件格式：请用--format csv或--format jsonl", "Cannot tell the file's format: say --format csv or --format jsonl", Field: "--format"));

    public static void Print(RegistryImportSummary s, int rejections = 10)
    {
        if (s.ResumedAfterLine > 0)
            AnsiConsole.MarkupLineInterpolated($"[yellow]本次从第{s.ResumedAfterLine}条记录之后续传[/] / this run resumed after record {s.ResumedAfterLine}");
        foreach (var r in s.FirstRejections.Take(rejections))
            AnsiConsole.MarkupLineInterpolated($"[red]第{r.Line}行 {r.Field}：{r.Chinese}[/] / line {r.Line}, {r.Field}: {r.English}");
        if (s.Rejected > 0 && s.FirstRejections.Count > rejections)
            AnsiConsole.MarkupLineInterpolated($"[red]……[/] / … (all in {s.ReportFile ?? "the summary"})");
        else if (s.ReportFile is not null)
            AnsiConsole.MarkupLineInterpolated($"拒绝的行见 / rejected lines in {s.ReportFile}");
        AnsiConsole.MarkupLineInterpolated(
            $"[green]{s.Registry} {s.FileName}：{s.Lines:N0} 行，新增 {s.Added:N0}，变更 {s.Changed:N0}，未变 {s.Unchanged:N0}，拒绝 {s.Rejected:N0}[/] / {s.Lines:N0} lines: added {s.Added:N0}, changed {s.Changed:N0}, unchanged {s.Unchanged:N0}, rejected {s.Rejected:N0} ({s.Seconds:F1} s)");
    }
}
