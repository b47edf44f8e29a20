using Spectre.Console;
using Tongban.Kernel.Errors;

namespace Tongban.Cli.Commands;

/// <summary>What the import commands share: the file checked first, then a progress bar over its bytes while the import reads it.</summary>
internal static class FileImportProgress
{
    /// <summary>The full path of <paramref name="file"/>, or a bilingual refusal naming it when there is no such file.</summary>
    public static string Existing(string file)
    {
        var path = Path.GetFullPath(file);
        return File.Exists(path) ? path
            : throw new DomainException(new DomainError("import.no_file", $"文件不存在：{path}", $"No such file: {path}", Field: "FILE"));
    }

    /// <summary>Runs <paramref name="import"/> under a bar; it reports (bytes read, or −1 when unknown; lines read) as it goes.</summary>
    public static async Task<T> RunAsync<T>(string path, Func<Action<long, long>, Task<T>> import)
    {
        T result = default!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask($"导入 / importing {Markup.Escape(Path.GetFileName(path))}", maxValue: Math.Max(1, new FileInfo(path).Length));
                result = await import((bytes, lines) =>
                {
                    if (bytes >= 0) task.Value = Math.Max(task.Value, bytes);
                    task.Description = $"导入 / importing: {lines:N0} 行 lines";
                });
                task.Value = task.MaxValue;
            });
        return result;
    }

    /// <summary>Reports as they happen, on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
    public sealed class Reporter<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
