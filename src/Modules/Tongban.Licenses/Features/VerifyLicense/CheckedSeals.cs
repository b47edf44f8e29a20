using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Data;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.VerifyLicense;

/// <summary>
/// What verification needs of a license's row on every check: its key, its status and end date (which change), and the
/// fingerprint of what the seal covers as stored — the signed document exactly as sealed at rest, the signature and
/// the key id (which never change after issue). Read with one statement named from the model, without EF Core's query
/// pipeline: the check's hottest read (a third of its server time went to building and matching EF Core's query).
/// </summary>
internal sealed record LicenseRow(LicenseId Id, LicenseStatus Status, DateOnly? ValidUntil, byte[] Fingerprint);

/// <summary>The outcome of checking one stored seal, kept while the row still holds exactly those bytes.</summary>
internal sealed record CheckedSeal(LicenseId Id, string Identifier, string HolderCode, LicenseFace? Face, bool SignatureValid, byte[] Fingerprint);

/// <summary>
/// The seals verification has checked, by identifier (a bounded memory cache, <see cref="LicensesOptions.CheckedSeals"/>
/// entries). An entry is used only when the row read for this check has the same fingerprint: a row whose signed
/// document, signature or key was altered is checked afresh, so nothing is trusted that the database no longer says;
/// the status is never cached. Each instance keeps its own; none needs telling when another changes a status.
/// </summary>
internal sealed class CheckedSeals(IOptions<LicensesOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Math.Max(1, options.Value.CheckedSeals) });

    public CheckedSeal? Find(string identifier, byte[] fingerprint) =>
        _cache.TryGetValue(identifier, out CheckedSeal? seal) && seal!.Fingerprint.AsSpan().SequenceEqual(fingerprint) ? seal : null;

    public void Keep(CheckedSeal seal) =>
        _cache.Set(seal.Identifier, seal, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });

    public void Dispose() => _cache.Dispose();

    /// <summary>The row's values as read by <see cref="LicenseRows"/>' statement (its columns in <see cref="RowQuery"/>' order).</summary>
    internal static LicenseRow Row(DbDataReader reader) =>
        new(LicenseId.From(reader.GetGuid(0)), (LicenseStatus)reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2),
            Fingerprint(reader.GetString(3), reader.GetFieldValue<byte[]>(4), reader.GetString(5)));

    private static byte[] Fingerprint(string storedDocument, byte[] signature, string keyId)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(storedDocument));
        hash.AppendData(BitConverter.GetBytes(signature.Length));
        hash.AppendData(signature);
        hash.AppendData(Encoding.UTF8.GetBytes(keyId));
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// The look-up's SQL with table and columns named as the EF model maps them (kernel <see cref="StoreTable"/>), made
    /// once: the names are the same on every provider. The identifier's parameter is typed by the context's own model.
    /// </summary>
    internal sealed record RowQuery(string Text)
    {
        private static RowQuery? _made;

        public static RowQuery For(LicensesDbContext db) => _made ??= Make(StoreTable.Of<License>(db.Model));

        public static IProperty Identifier(LicensesDbContext db) => db.Model.FindEntityType(typeof(License))!.FindProperty(nameof(License.Identifier))!;

        private static RowQuery Make(StoreTable licenses)
        {
            string[] columns = [nameof(License.Id), nameof(License.Status), nameof(License.ValidUntil), nameof(License.SignedJson), nameof(License.Signature), nameof(License.KeyId)];
            return new RowQuery($"SELECT {string.Join(", ", columns.Select(licenses.Column))} FROM {licenses.Name} " +
                $"WHERE {licenses.Column(nameof(License.Identifier))} = {HeldConnection.Parameter(0)}");
        }
    }
}

/// <summary>
/// Reads verification's license rows through a few held connections, each with the row's statement prepared once (the
/// use log's writer holds its INSERT the same way), so a check binds and steps a statement instead of opening a pooled
/// connection and parsing the SQL again. As many are held as the machine has cores (2 to 8) — a read runs without
/// awaiting, so about that many run at once; a check finding none free reads through one of its own, then closes it. A statement
/// reads committed rows and is reset after each read, so a held connection never pins an old snapshot. One that fails
/// is closed, not held again (a restarted database server).
/// </summary>
internal sealed class LicenseRows(IServiceScopeFactory scopes) : IAsyncDisposable
{
    private readonly ConcurrentBag<Reader> _idle = [];
    private readonly int _most = Math.Clamp(Environment.ProcessorCount, 2, 8); // held out of the connection pool: a many-core instance keeps some for the rest
    private int _held;

    /// <summary>The row of <paramref name="identifier"/> (already in its canonical form), or null.</summary>
    public async Task<LicenseRow?> ReadAsync(string identifier, CancellationToken ct)
    {
        var reader = await TakeAsync();
        try
        {
            var row = await reader.ReadAsync(identifier, ct);
            if (reader.Held) _idle.Add(reader);
            else await reader.DisposeAsync();
            return row;
        }
        catch
        {
            if (reader.Held) Interlocked.Decrement(ref _held);
            await reader.DisposeAsync();
            throw;
        }
    }

    private async Task<Reader> TakeAsync()
    {
        if (_idle.TryTake(out var idle)) return idle;
        var held = Interlocked.Increment(ref _held) <= _most;
        if (!held) Interlocked.Decrement(ref _held);
        return await Reader.OpenAsync(scopes, held);
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var reader)) await reader.DisposeAsync();
    }

    private sealed class Reader : IAsyncDisposable
    {
        private readonly HeldConnection<LicensesDbContext> _connection;
        private readonly DbCommand _select;

        private Reader(HeldConnection<LicensesDbContext> connection, bool held)
        {
            (_connection, Held) = (connection, held);
            _select = connection.Command(CheckedSeals.RowQuery.For(connection.Db).Text, [CheckedSeals.RowQuery.Identifier(connection.Db)]);
        }

        /// <summary>Kept for the next check (else closed after this one).</summary>
        public bool Held { get; }

        public static async Task<Reader> OpenAsync(IServiceScopeFactory scopes, bool held)
        {
            var connection = await HeldConnection.OpenAsync<LicensesDbContext>(scopes);
            var reader = new Reader(connection, held);
            if (held) await reader._select.PrepareAsync();
            return reader;
        }

        public async Task<LicenseRow?> ReadAsync(string identifier, CancellationToken ct)
        {
            _select.Parameters[0].Value = identifier;
            await using var rows = await _select.ExecuteReaderAsync(ct);
            return await rows.ReadAsync(ct) ? CheckedSeals.Row(rows) : null;
        }

        public async ValueTask DisposeAsync()
        {
            await _select.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
