using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
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
/// finds no writer running starts it, and it drains the queue in batches, each batch one transaction
/// that locks the chain head, links its entries and moves the head. Under load a batch carries many reads,
/// so the log costs one commit per batch, not one per read.
/// </summary>
internal sealed class AccessLog(IServiceScopeFactory scopes, SubjectHasher hasher, RegionClock clock) : IAsyncDisposable
{
    private const int MaxBatch = 500;
    private readonly GroupCommit<Pending, Writer> _commits =
        new(() => Writer.OpenAsync(scopes, clock), (writer, batch) => writer.WriteAsync(batch), MaxBatch);

    private sealed record Pending(AccessDraft Draft, string SubjectHash, DateTimeOffset At);

    public async Task RecordAsync(AccessDraft draft, CancellationToken cancellationToken)
    {
        var subjectHash = await hasher.HashAsync(draft.SubjectKey, cancellationToken);
        // The caller may give up waiting; the entry is written regardless, since the read has happened.
        await _commits.WriteAsync(new Pending(draft, subjectHash, clock.UtcNow), cancellationToken);
    }

    public ValueTask DisposeAsync() => _commits.DisposeAsync();

    /// <summary>The log's name among the platform's hash chains: its checkpoints are signed and checked with the audit log's (kernel <see cref="ChainVerifier"/>).</summary>
    public const string ChainName = "registries.access-log";

    /// <summary>
    /// The log's writer: one connection, held open, with its statements made once, in plain SQL. Only one batch is
    /// written at a time, so the writer needs no more; and a statement that is run again keeps its compiled form, so a
    /// batch pays for binding and running its statements, not for parsing and planning them (under load, most of what
    /// the log cost). Each entry is its own INSERT, run on the same prepared statement; where the provider can send
    /// several statements in one round trip (PostgreSQL), the batch's INSERTs go together.
    /// Columns and value conversions come from the EF model, so the log holds exactly what EF would write.
    /// </summary>
    private sealed class Writer : IAsyncDisposable
    {
        private readonly HeldConnection<RegistriesDbContext> _held;
        private readonly RegionClock _clock;
        private readonly ChainHeadStatements _head;
        private readonly StoreTable _log;
        private readonly IProperty _day;
        private readonly DbCommand _insert;
        private readonly DbCommand _count;

        private Writer(HeldConnection<RegistriesDbContext> held, RegionClock clock)
        {
            (_held, _clock) = (held, clock);
            _head = HashChain.Head<AccessLogHead>(held.Db);
            _log = StoreTable.Of<AccessLogEntry>(held.Db.Model);
            _insert = held.Command(_log.InsertSql(), _log.Properties);
            var counts = StoreTable.Of<AccessCount>(held.Db.Model);
            _day = counts.Property(nameof(AccessCount.Day));
            _count = held.Command(CountSql(counts), [.. new[] { nameof(AccessCount.Day), nameof(AccessCount.Department), nameof(AccessCount.Resource),
                nameof(AccessCount.Calls), nameof(AccessCount.Records) }.Select(counts.Property)]);
        }

        public static async Task<Writer> OpenAsync(IServiceScopeFactory scopes, RegionClock clock) =>
            new(await HeldConnection.OpenAsync<RegistriesDbContext>(scopes), clock);

        public async Task WriteAsync(List<Pending> batch)
        {
            await using var transaction = await _held.Connection.BeginTransactionAsync();
            var (lastSequence, lastHash) = await _head.LockAsync(transaction, CancellationToken.None);
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
            await _held.RunAsync(_insert, transaction, [.. entries.Select(e => _log.Row(e))]);
            // The daily roll-up: one upsert per (day, department, resource) in the batch, usually one or two.
            await _held.RunAsync(_count, transaction, [.. entries
                .GroupBy(e => (Day: _clock.DateAt(e.At), Department: e.CallerDepartment ?? e.Caller, e.Resource))
                .Select(g => new object?[] { _day.ToProvider(g.Key.Day), g.Key.Department, g.Key.Resource, (long)g.Count(), g.Sum(e => (long)e.ResultCount) })]);
            await _head.MoveAsync(transaction, lastSequence, lastHash, CancellationToken.None);
            await transaction.CommitAsync();
        }

        private static string CountSql(StoreTable counts)
        {
            var (day, department, resource, calls, records) = (counts.Column(nameof(AccessCount.Day)), counts.Column(nameof(AccessCount.Department)),
                counts.Column(nameof(AccessCount.Resource)), counts.Column(nameof(AccessCount.Calls)), counts.Column(nameof(AccessCount.Records)));
            return $"INSERT INTO {counts.Name} ({day}, {department}, {resource}, {calls}, {records}) VALUES (@p0, @p1, @p2, @p3, @p4) " +
                $"ON CONFLICT ({day}, {department}, {resource}) DO UPDATE SET {calls} = {counts.Name}.{calls} + excluded.{calls}, " +
                $"{records} = {counts.Name}.{records} + excluded.{records}";
        }

        public async ValueTask DisposeAsync()
        {
            await _insert.DisposeAsync();
            await _count.DisposeAsync();
            await _head.DisposeAsync();
            await _held.DisposeAsync();
        }
    }
}
