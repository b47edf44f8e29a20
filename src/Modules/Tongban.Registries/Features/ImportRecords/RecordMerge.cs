using System.Data.Common;
using Tongban.Kernel.Data;
using Tongban.Registries.Data;

namespace Tongban.Registries.Features.ImportRecords;

/// <summary>
/// The content hash of every current version of a registry, by key (its blind index where the key is sealed: <see
/// cref="RecordFormat.MatchColumn"/>), read in one query when a run starts. A key occurs
/// at most once in a file (a later line with it is a duplicate), so during the run a staged key can only meet a version
/// that was current before the run: this snapshot tells new, changed and unchanged lines apart without a lookup each.
/// </summary>
internal sealed class CurrentVersions
{
    private readonly Dictionary<UInt128, long> _byNumber = [];
    private readonly Dictionary<string, long> _byText = new(StringComparer.Ordinal);
    private readonly Func<string, UInt128>? _number;

    private CurrentVersions(Func<string, UInt128>? number) => _number = number;

    public int Count => _byNumber.Count + _byText.Count;

    public static async Task<CurrentVersions> LoadAsync(DbConnection connection, RecordFormat format, CancellationToken cancellationToken)
    {
        var versions = new CurrentVersions(format.MatchNumber);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {format.MatchColumn}, content_hash FROM {format.Table} WHERE valid_to IS NULL";
        command.CommandTimeout = 600;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) versions.Add(reader.GetString(0), reader.GetInt64(1));
        return versions;
    }

    private void Add(string key, long hash)
    {
        if (_number is null) _byText[key] = hash;
        else _byNumber[_number(key)] = hash;
    }

    public bool TryGet(string key, out long hash) => _number is null ? _byText.TryGetValue(key, out hash) : _byNumber.TryGetValue(_number(key), out hash);
}

/// <summary>
/// Merges a chunk, set-based: lines whose key has a current version with another content hash are staged (key and
/// hash) and one UPDATE closes those versions at the import instant — the same SQL on both providers; then the
/// provider's bulk loader inserts a version, valid from that instant, for every changed and every new key, in key order
/// (the key's index then takes the chunk's entries in one sweep rather than at random places: about a fifth less work
/// for PostgreSQL on the 2,235,402-person benchmark).
/// Lines whose current version has the same hash are left alone.
/// </summary>
internal static class RecordMerge
{
    public sealed record Outcome(long Added, long Changed, long Unchanged);

    public static async Task<Outcome> MergeAsync(StagingTable staging, DbConnection connection, DbTransaction transaction, RecordFormat format,
        CurrentVersions current, IReadOnlyList<object?[]> rows, object instant, CancellationToken cancellationToken)
    {
        var changed = new List<object?[]>();
        var versions = new List<object?[]>(rows.Count);
        foreach (var row in rows)
        {
            if (!current.TryGet(format.MatchKey(row), out var hash)) versions.Add(row);
            else if (hash != (long)row[^1]!) changed.Add(row);
        }
        if (changed.Count > 0)
        {
            await staging.StageAsync(changed, transaction, cancellationToken);
            var (table, key) = (format.Table, format.MatchColumn);
            await using var close = connection.CreateCommand();
            close.Transaction = transaction;
            close.CommandTimeout = 600;
            close.CommandText = $"""
                UPDATE {table} SET valid_to = @instant
                FROM {StagingTable.Name} s
                WHERE {table}.{key} = s.{key} AND {table}.valid_to IS NULL AND {table}.content_hash <> s.content_hash
                """;
            close.AddParameter("@instant", instant);
            var closed = await close.ExecuteNonQueryAsync(cancellationToken);
            if (closed != changed.Count)
                throw new InvalidOperationException($"Closed {closed} versions where {changed.Count} changed: the registry was written outside the import.");
        }
        var added = versions.Count;
        versions.AddRange(changed);
        versions.Sort((a, b) => string.CompareOrdinal(format.MatchKey(a), format.MatchKey(b)));
        await staging.InsertAsync(versions, instant, transaction, cancellationToken);
        return new Outcome(added, changed.Count, rows.Count - versions.Count);
    }
}
