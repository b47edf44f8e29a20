using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Time;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;
using Tongban.Registries.Domain;

namespace Tongban.Registries.Features.LogAccess;

/// <summary>One read to log: the read's context, the registry and subject, how many records came back and how long it took.</summary>
internal sealed record AccessDraft(RegistryRead Read, string Registry, string SubjectKey, int ResultCount, int ElapsedMicroseconds);

/// <summary>
/// The append-only, hash-chained access log. A read waits until its entry is committed, so no answer leaves
/// without its log entry. Reads arriving together are committed together (group commit): whichever caller
/// finds no writer running becomes the writer and drains the queue in batches, each batch one transaction
/// that locks the chain head, links its entries and moves the head. Under load a batch carries many reads,
/// so the log costs one commit per batch, not one per read.
/// </summary>
internal sealed class AccessLog(IServiceScopeFactory scopes, SubjectHasher hasher, RegionClock clock)
{
    private const int MaxBatch = 500;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });
    private int _writing;

    private sealed record Pending(AccessDraft Draft, string SubjectHash, DateTimeOffset At, TaskCompletionSource Done);

    public async Task RecordAsync(AccessDraft draft, CancellationToken cancellationToken)
    {
        var subjectHash = await hasher.HashAsync(draft.SubjectKey, cancellationToken);
        var pending = new Pending(draft, subjectHash, clock.UtcNow, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _queue.Writer.TryWrite(pending);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
            _ = Task.Run(DrainAsync, CancellationToken.None);
        // The caller may give up waiting; the entry is written regardless, since the read has happened.
        await pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (true)
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0)
            {
                Volatile.Write(ref _writing, 0);
                // A read queued after the last TryRead but before the flag dropped would wait forever: take it over.
                if (!_queue.Reader.TryPeek(out _) || Interlocked.CompareExchange(ref _writing, 1, 0) != 0) return;
                continue;
            }
            try
            {
                await WriteAsync(batch);
                foreach (var p in batch) p.Done.TrySetResult();
            }
            catch (Exception e)
            {
                foreach (var p in batch) p.Done.TrySetException(e);
            }
            batch.Clear();
        }
    }

    /// <summary>
    /// One batch, one transaction, all in plain SQL: lock and read the head in one statement, one multi-row INSERT,
    /// the roll-up, move the head. Under load batches are small (a batch takes well under a millisecond, so few reads
    /// queue behind it), so what a batch costs besides its rows is most of what the log costs.
    /// </summary>
    private async Task WriteAsync(List<Pending> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistriesDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var (lastSequence, lastHash) = await HashChain.LockHeadAsync<AccessLogHead>(db, CancellationToken.None);
        var entries = new List<AccessLogEntry>(batch.Count);
        foreach (var p in batch)
        {
            var read = p.Draft.Read;
            var entry = new AccessLogEntry
            {
                Sequence = lastSequence + 1,
                At = HashChain.ToMilliseconds(p.At),
                Caller = read.Caller,
                CallerDepartment = read.CallerDepartment,
                OnBehalfOf = read.OnBehalfOf,
                Purpose = read.Purpose,
                Resource = read.Resource,
                Registry = p.Draft.Registry,
                SubjectHash = p.SubjectHash,
                ResultCount = p.Draft.ResultCount,
                ElapsedMicroseconds = p.Draft.ElapsedMicroseconds,
                PreviousHash = lastHash,
            }.Seal();
            entries.Add(entry);
            (lastSequence, lastHash) = (entry.Sequence, entry.Hash);
        }
        await InsertAsync(db, entries);
        await CountAsync(db, entries);
        await HashChain.MoveHeadAsync<AccessLogHead>(db, lastSequence, lastHash, CancellationToken.None);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// The batch as one multi-row INSERT, columns and value conversions taken from the EF model, so it writes exactly
    /// what EF would — without tracking hundreds of entities it will never read (the log's hottest cost under load).
    /// </summary>
    private static async Task InsertAsync(RegistriesDbContext db, List<AccessLogEntry> entries)
    {
        var columns = EntryColumns.For(db.Model);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        var sql = new StringBuilder(columns.Insert, columns.Insert.Length + entries.Count * columns.Properties.Count * 10);
        for (var row = 0; row < entries.Count; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var c = 0; c < columns.Properties.Count; c++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"@p{row}_{c}");
                sql.Append(c == 0 ? "" : ", ").Append(name);
                var property = columns.Properties[c];
                command.AddParameter(name, property.ToProvider(property.PropertyInfo!.GetValue(entries[row])));
            }
            sql.Append(')');
        }
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The log's stored properties and the INSERT's head, worked out once per model rather than once per batch.</summary>
    private sealed record EntryColumns(IModel Model, string Insert, IReadOnlyList<IProperty> Properties)
    {
        private static EntryColumns? _last;

        public static EntryColumns For(IModel model)
        {
            if (Volatile.Read(ref _last) is { } known && known.Model == model) return known;
            var entity = model.FindEntityType(typeof(AccessLogEntry))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var properties = entity.GetProperties().ToList();
            var insert = $"INSERT INTO {table.Name} ({string.Join(", ", properties.Select(p => p.GetColumnName(table)))}) VALUES ";
            Volatile.Write(ref _last, known = new EntryColumns(model, insert, properties));
            return known;
        }
    }

    /// <summary>Adds the batch to the daily roll-up: one upsert per (day, department, resource) in the batch, usually one or two.</summary>
    private async Task CountAsync(RegistriesDbContext db, List<AccessLogEntry> entries)
    {
        var entity = db.Model.FindEntityType(typeof(AccessCount))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        string Column(string property) => entity.FindProperty(property)!.GetColumnName(table)!;
        var dayProperty = entity.FindProperty(nameof(AccessCount.Day))!;
        var (day, department, resource, calls, records) = (Column(nameof(AccessCount.Day)), Column(nameof(AccessCount.Department)),
            Column(nameof(AccessCount.Resource)), Column(nameof(AccessCount.Calls)), Column(nameof(AccessCount.Records)));
        var sql = $"INSERT INTO {table.Name} ({day}, {department}, {resource}, {calls}, {records}) VALUES (@day, @department, @resource, @calls, @records) " +
            $"ON CONFLICT ({day}, {department}, {resource}) DO UPDATE SET {calls} = {table.Name}.{calls} + excluded.{calls}, {records} = {table.Name}.{records} + excluded.{records}";
        foreach (var group in entries.GroupBy(e => (Day: clock.DateAt(e.At), Department: e.CallerDepartment ?? e.Caller, e.Resource)))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = sql;
            command.AddParameter("@day", dayProperty.ToProvider(group.Key.Day));
            command.AddParameter("@department", group.Key.Department);
            command.AddParameter("@resource", group.Key.Resource);
            command.AddParameter("@calls", (long)group.Count());
            command.AddParameter("@records", group.Sum(e => (long)e.ResultCount));
            await command.ExecuteNonQueryAsync();
        }
    }

    public static Task<AuditVerification> VerifyAsync(RegistriesDbContext db, CancellationToken cancellationToken) =>
        HashChain.VerifyAsync<AccessLogEntry, AccessLogHead>(db, cancellationToken);
}
