using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Tongban.Kernel.Data;

/// <summary>
/// Locks on keys for the length of the current transaction, across processes: several instances' workers adding to the
/// same counting rows (a day's figures) take the rows' keys first and so add one after another, where optimistic writes
/// would fail and retry in a crowd. On PostgreSQL transaction advisory locks in the two-number space (the first number the
/// caller's <c>space</c>, the second a hash of the key; a shared hash only makes two keys wait for each other), taken in
/// one statement in ascending order, so two transactions never wait for each other in a circle. On SQLite nothing: its
/// one writer already writes one transaction at a time.
/// </summary>
public static class KeyLocks
{
    /// <summary>Takes the locks of <paramref name="keys"/> in <paramref name="db"/>'s open transaction; they end with it.</summary>
    public static async Task TakeAsync(DbContext db, int space, IEnumerable<string> keys, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql()) return;
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Key locks live as long as a transaction: begin one first.");
        var hashes = keys.Select(Hash).Distinct().Order().ToArray();
        if (hashes.Length == 0) return;
        await db.Database.ExecuteSqlRawAsync("SELECT count(pg_advisory_xact_lock(@space, k)) FROM unnest(@keys) AS k",
            [new NpgsqlParameter("space", space), new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Integer) { Value = hashes }], ct);
    }

    private static int Hash(string key) => BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
