using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;
using Tongban.Organization.Contracts;
using Tongban.Registries.Contracts;
using Tongban.Kernel.Data;
using Tongban.Registries.Data;
using Tongban.Registries.Domain;

namespace Tongban.Registries.Features.ImportRecords;

/// <summary>
/// Bulk import of one file into one registry. Lines are read and checked in C# on one thread while the other merges
/// the previous chunk (<see cref="RecordMerge"/>): the current versions' hashes, read once when the run starts, tell
/// new, changed and unchanged lines apart; changed ones are staged in a TEMP table and closed by one UPDATE (the same
/// SQL on both providers); new versions are bulk-loaded (SQLite: a prepared INSERT; PostgreSQL: binary COPY). A
/// chunk's merge and the run's checkpoint commit in one transaction, so an interrupted run of the same file (same
/// SHA-256) resumes after its last committed chunk.
/// </summary>
internal sealed class ImportRecords(RegistriesDbContext db, IOrganizationDirectory organization, PersonalDataProtector protector, TimeProvider clock)
{
    /// <summary>How many rejected lines a summary carries; the report file has them all.</summary>
    public const int SummaryRejections = 100;

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private sealed record Chunk(List<object?[]> Rows, long Records, long Rejected, long Bytes, bool Last);

    public async Task<RegistryImportSummary> RunAsync(RegistryImportRequest request, IProgress<RegistryImportProgress>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var description = RegistryOf(request.Registry);
        if (request.ChunkSize < 1) throw new ArgumentOutOfRangeException(nameof(request), "The chunk size must be positive.");
        var divisions = (await organization.ListDivisionsAsync(cancellationToken)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        CheckHeader(request, RecordFormat.For(description.Kind, divisions));
        var fingerprint = await FingerprintAsync(request.Open, cancellationToken);

        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() + "|" + description.Code, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, cancellationToken)) throw Busy(description);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var open = new ConnectionCloser(db);
            var connection = db.Database.GetDbConnection();
            // One import per registry across processes ("regImp" + the registry as PostgreSQL's key).
            await using var registryLock = await ProcessLock.TryTakeAsync(connection, $"import-{description.Kind.ToString().ToLowerInvariant()}",
                0x7265_6749_6D70_0000L + (long)description.Kind) ?? throw Busy(description);
            var format = RecordFormat.For(description.Kind, divisions);
            format.UseSealing(SealedColumns.Of(db.Model, format, protector));
            return await RunLockedAsync(request, description, format, fingerprint, connection, progress, watch, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public static RegistryDescription RegistryOf(string code) =>
        RegistryShapes.All.FirstOrDefault(d => d.Code == code?.Trim().ToLowerInvariant())
        ?? throw new DomainException(new DomainError("import.registry_unknown", $"没有名为“{code}”的基础库（可用：{Codes}）",
            $"There is no registry '{code}' (known: {Codes})", Field: "registry"));

    private static string Codes => string.Join(", ", RegistryShapes.All.Select(d => d.Code));

    private async Task<RegistryImportSummary> RunLockedAsync(RegistryImportRequest request, RegistryDescription description, RecordFormat format, string fingerprint,
        DbConnection connection, IProgress<RegistryImportProgress>? progress, Stopwatch watch, CancellationToken cancellationToken)
    {
        var run = await db.ImportRuns.FirstOrDefaultAsync(r => r.Registry == description.Code && r.Fingerprint == fingerprint && r.Status == ImportStatus.Running, cancellationToken);
        var resumeAfter = run?.LinesDone ?? 0;
        if (run is null)
        {
            run = new ImportRun
            {
                Id = Guid.NewGuid(), Registry = description.Code, FileName = Truncate(request.FileName, 260), Fingerprint = fingerprint,
                Status = ImportStatus.Running, StartedAt = clock.GetUtcNow(),
            };
            db.ImportRuns.Add(run);
            await db.SaveChangesAsync(cancellationToken);
        }

        // Every version the run writes is valid from the run's start, also after a resume: one import, one instant,
        // written exactly as EF Core writes it (SQLite: the kernel's tick encoding; PostgreSQL: timestamptz).
        var validFrom = db.Model.FindEntityType(typeof(Person))!.FindProperty(nameof(RegistryRecord.ValidFrom))!.ToProvider(run.StartedAt)!;
        var staging = StagingTable.For(connection, format);
        if (staging is SqliteStaging sqlite) await sqlite.TuneAsync(cancellationToken);
        await staging.CreateAsync(cancellationToken);
        var current = await CurrentVersions.LoadAsync(connection, format, cancellationToken);

        var rejections = new List<RejectedLine>();
        long rejectedTotal = 0, lines = 0;
        var channel = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() =>
        {
            try
            {
                (lines, rejectedTotal) = Produce(request, format, resumeAfter, channel.Writer, rejections, progress, stop.Token);
                channel.Writer.TryComplete();
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e);
                throw;
            }
        }, stop.Token);
        try
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync(cancellationToken))
            {
                await CommitAsync(run, chunk, format, staging, connection, current, validFrom, request.Actor, cancellationToken);
                progress?.Report(new RegistryImportProgress(chunk.Records, chunk.Bytes, -1, chunk.Records, resumeAfter));
            }
            await producer;
        }
        catch
        {
            // Stop the reader and wait for it; a reader's own error (a missing column, say) reaches us through the channel.
            await stop.CancelAsync();
            try
            {
                await producer;
            }
            catch (Exception)
            {
                // observed; the exception being handled is the one to report
            }
            throw;
        }
        finally
        {
            await staging.DropAsync(CancellationToken.None);
        }
        if (request.ReportPath is not null && rejectedTotal == 0) File.Delete(request.ReportPath); // no news, no file
        return new RegistryImportSummary(description.Code, run.Id, request.FileName, lines, run.Added, run.Changed, run.Unchanged, rejectedTotal, resumeAfter,
            watch.Elapsed.TotalSeconds, rejections, request.ReportPath is not null && rejectedTotal > 0 ? request.ReportPath : null);
    }

    /// <summary>Reads and checks every line (also those before the checkpoint, for duplicates and the report) and hands on chunks after it.</summary>
    private static (long Lines, long Rejected) Produce(RegistryImportRequest request, RecordFormat format, long resumeAfter, ChannelWriter<Chunk> chunks,
        List<RejectedLine> rejections, IProgress<RegistryImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var stream = request.Open();
        var total = stream.CanSeek ? stream.Length : -1;
        using var report = request.ReportPath is null ? null : new StreamWriter(request.ReportPath, false, new UTF8Encoding(true));
        report?.WriteLine("line,field,code,reason_zh,reason_en");
        progress?.Report(new RegistryImportProgress(0, 0, total, resumeAfter, resumeAfter));
        long records = 0, rejected = 0;
        var rows = new List<object?[]>(Math.Min(request.ChunkSize, 100_000));
        foreach (var line in LineSource.Read(stream, request.Format, format, request.FileName))
        {
            records++;
            var values = line.Cells is null ? null : format.Check(line.Line, line.Cells);
            if (values is null)
            {
                rejected++;
                foreach (var error in line.Unreadable is { } unreadable ? [unreadable] : format.Errors)
                {
                    if (rejections.Count < SummaryRejections) rejections.Add(error);
                    report?.WriteLine(string.Join(',', error.Line.ToString(CultureInfo.InvariantCulture), Csv(error.Field), error.Code, Csv(error.Chinese), Csv(error.English)));
                }
            }
            else if (records > resumeAfter)
            {
                rows.Add(values);
            }
            if (records > resumeAfter && (records - resumeAfter) % request.ChunkSize == 0)
            {
                Hand(new Chunk(rows, records, rejected, Position(stream), false));
                rows = new List<object?[]>(rows.Count);
            }
            if ((records & 0x3FFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report(new RegistryImportProgress(records, Position(stream), total, -1, resumeAfter));
            }
        }
        Hand(new Chunk(rows, Math.Max(records, resumeAfter), rejected, Position(stream), true));
        return (records, rejected);

        void Hand(Chunk chunk)
        {
            var write = chunks.WriteAsync(chunk, cancellationToken);
            if (!write.IsCompletedSuccessfully) write.AsTask().GetAwaiter().GetResult();
        }
    }

    private async Task CommitAsync(ImportRun run, Chunk chunk, RecordFormat format, StagingTable staging, DbConnection connection, CurrentVersions current, object validFrom, string actor,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var outcome = await RecordMerge.MergeAsync(staging, connection, transaction.GetDbTransaction(), format, current, chunk.Rows, validFrom, cancellationToken);
        run.LinesDone = chunk.Records;
        run.Added += outcome.Added;
        run.Changed += outcome.Changed;
        run.Unchanged += outcome.Unchanged;
        run.Rejected = chunk.Rejected;
        if (chunk.Last)
        {
            run.Status = ImportStatus.Completed;
            run.FinishedAt = clock.GetUtcNow();
            db.Audit(new AuditRecord(actor, "registries.imported", $"registry:{run.Registry}",
                $"{run.FileName}: {run.LinesDone} lines, added {run.Added}, changed {run.Changed}, unchanged {run.Unchanged}, rejected {run.Rejected}", run.FinishedAt.Value));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Refuses a CSV file without the required columns before a run is started.</summary>
    private static void CheckHeader(RegistryImportRequest request, RecordFormat format)
    {
        using var stream = request.Open();
        using var lines = LineSource.Read(stream, request.Format, format, request.FileName).GetEnumerator();
        lines.MoveNext();
    }

    private static async Task<string> FingerprintAsync(Func<Stream> open, CancellationToken cancellationToken)
    {
        await using var stream = open();
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    private sealed class ConnectionCloser(RegistriesDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }

    private static DomainException Busy(RegistryDescription description) => new(new DomainError("import.busy",
        $"{description.Chinese}正在导入另一个文件，请等它结束后再试", $"Another file is being imported into the {description.English}; try again when it has finished",
        ErrorKind.Conflict, "registry"));

    private static long Position(Stream stream) => stream.CanSeek ? stream.Position : -1;

    private static string Truncate(string s, int length) => s.Length <= length ? s : s[..length];

    private static string Csv(string s) => s.Contains(',') || s.Contains('"') || s.Contains('\n') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
