using System.ComponentModel;
using System.Diagnostics;
using Spectre.Console;
using Spectre.Console.Cli;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Licenses.Contracts;

namespace Tongban.Cli.Commands;

/// <summary><c>tongban import licenses FILE</c>: historical licenses with the data-quality report; resumable.</summary>
internal sealed class ImportLicensesCommand(DatabaseMigrator migrator, ILicenseHistory history, OutboxDispatcher outbox) : AsyncCommand<ImportLicensesCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A CSV or JSON Lines file of historical licenses (src/Modules/Tongban.Licenses/README.md)")]
        public string File { get; init; } = "";

        [CommandOption("--format <FORMAT>")]
        [Description("csv or jsonl (default: from the file's extension)")]
        public string? Format { get; init; }

        [CommandOption("--chunk-size <LINES>")]
        [Description("Lines per transaction; an interrupted import resumes after the last one committed (default 2000)")]
        public int ChunkSize { get; init; } = 2_000;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = FileImportProgress.Existing(settings.File);
        await migrator.MigrateAsync(cancellationToken);
        var jsonLines = LicenseCli.JsonLines(settings.Format, path);
        var summary = await FileImportProgress.RunAsync(path, report => history.ImportAsync(
            new HistoryImportRequest(Path.GetFileName(path), () => File.OpenRead(path), jsonLines, Actor.CommandLine, settings.ChunkSize),
            new FileImportProgress.Reporter<HistoryImportProgress>(p => report(p.BytesRead, p.LinesRead)), cancellationToken));
        await outbox.DispatchDueAsync(cancellationToken);
        LicenseCli.Print(summary);
        return 0;
    }
}

/// <summary><c>tongban generate licenses --count N --out FILE</c>: plausible historical records of the demo catalog, a share of them bad.</summary>
internal sealed class GenerateLicensesCommand(DatabaseMigrator migrator, ILicenseHistory history) : AsyncCommand<GenerateLicensesCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--count <N>")]
        [Description("How many records (default 3300, the demo's)")]
        public long Count { get; init; } = 3_300;

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
        await migrator.MigrateAsync(cancellationToken);
        var watch = Stopwatch.StartNew();
        long written;
        await using (var output = File.Create(settings.Out))
            written = await history.GenerateAsync(settings.Count, settings.Seed, LicenseCli.JsonLines(settings.Format, settings.Out), output, cancellationToken);
        if (written == 0)
            throw new DomainException(new DomainError("generate.no_types", "证照目录中没有已发布的证照类型，请先载入区域数据包（tongban seed demo）",
                "The catalog has no published license types; load the region pack first (tongban seed demo)", ErrorKind.Conflict));
        AnsiConsole.MarkupLineInterpolated($"[green]已生成 {written:N0} 条历史证照记录[/] / generated {written:N0} historical license records → {settings.Out} ({watch.Elapsed.TotalSeconds:F1} s)");
        return 0;
    }
}

internal static class LicenseCli
{
    public static bool JsonLines(string? option, string path) => (option ?? Path.GetExtension(path).TrimStart('.')).Trim().ToLowerInvariant() switch
    {
        "csv" => false,
        "jsonl" or "ndjson" => true,
        _ => throw new DomainException(new DomainError("import.format", "无法判断文件格式：请用--format csv或--format jsonl", "Cannot tell the file's format: say --format csv or --format jsonl", Field: "--format")),
    };

    public static void Print(HistoryImportSummary s, int rejections = 10)
    {
        if (s.ResumedAfterLine > 0)
            AnsiConsole.MarkupLineInterpolated($"[yellow]本次从第{s.ResumedAfterLine}条记录之后续传[/] / this run resumed after record {s.ResumedAfterLine}");
        foreach (var r in s.FirstRejections.Take(rejections))
            foreach (var (field, zh, en) in r.Reasons)
                AnsiConsole.MarkupLineInterpolated($"[red]第{r.Line}行 {field}：{zh}[/] / line {r.Line}, {field}: {en}");
        if (s.Rejected > rejections)
            AnsiConsole.MarkupLine("[red]……[/] / … 全部见管理页面的质量报告 / all in the quality report on the admin page (/admin/licenses/imports)");
        AnsiConsole.MarkupLineInterpolated(
            $"[green]{s.FileName}：{s.Lines:N0} 行，导入 {s.Imported:N0}，拒绝 {s.Rejected:N0}[/] / {s.Lines:N0} lines: imported {s.Imported:N0}, rejected {s.Rejected:N0} ({s.Seconds:F1} s)");
    }
}
