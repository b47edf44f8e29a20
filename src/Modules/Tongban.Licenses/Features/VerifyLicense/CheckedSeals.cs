using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.VerifyLicense;

/// <summary>
/// What verification needs of a license's row on every check: its key, its status and end date (which change), and the
/// fingerprint of what the seal covers as stored — the signed document exactly as sealed at rest, the signature and
/// the key id (which never change after issue). Read with one model-built command, without EF Core's query pipeline:
/// the check's hottest read.
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

    /// <summary>The row of <paramref name="identifier"/> (already in its canonical form), or null.</summary>
    public static async Task<LicenseRow?> ReadAsync(LicensesDbContext db, string identifier, CancellationToken ct)
    {
        var query = RowQuery.For(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = query.Text;
            command.Parameters.Add(query.Identifier.CreateParameter(command, query.ParameterName, identifier, nullable: false));
            await using var reader = await command.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return null;
            return new LicenseRow(LicenseId.From(reader.GetGuid(0)), (LicenseStatus)reader.GetInt32(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2), Fingerprint(reader.GetString(3), reader.GetFieldValue<byte[]>(4), reader.GetString(5)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static byte[] Fingerprint(string storedDocument, byte[] signature, string keyId)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(storedDocument));
        hash.AppendData(BitConverter.GetBytes(signature.Length));
        hash.AppendData(signature);
        hash.AppendData(Encoding.UTF8.GetBytes(keyId));
        return hash.GetHashAndReset();
    }

    /// <summary>The look-up's SQL, from the model (table, columns, identifier's type mapping), once per provider.</summary>
    private sealed record RowQuery(string Text, string ParameterName, RelationalTypeMapping Identifier)
    {
        private static readonly Dictionary<string, RowQuery> ByProvider = [];

        public static RowQuery For(LicensesDbContext db)
        {
            var provider = db.Database.ProviderName ?? "";
            lock (ByProvider)
            {
                if (ByProvider.TryGetValue(provider, out var known)) return known;
                var entity = db.Model.FindEntityType(typeof(License))!;
                var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
                var sql = db.GetService<ISqlGenerationHelper>();
                string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
                var identifier = entity.FindProperty(nameof(License.Identifier))!;
                var text = $"SELECT {Column(nameof(License.Id))}, {Column(nameof(License.Status))}, {Column(nameof(License.ValidUntil))}, " +
                    $"{Column(nameof(License.SignedJson))}, {Column(nameof(License.Signature))}, {Column(nameof(License.KeyId))} " +
                    $"FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {Column(nameof(License.Identifier))} = {sql.GenerateParameterNamePlaceholder("identifier")}";
                return ByProvider[provider] = new RowQuery(text, sql.GenerateParameterName("identifier"), (RelationalTypeMapping)identifier.GetRelationalTypeMapping());
            }
        }
    }
}
