using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tongban.Kernel.Audit;

namespace Tongban.Registries.Domain;

/// <summary>
/// One read of registry data: who, for whom, why, through which resource, about whom (a keyed hash of the
/// subject's number, never the number) and how many records came back. No payload is stored. Entries form a
/// hash chain like the audit log: each hash covers the entry and its predecessor's hash.
/// </summary>
internal sealed class AccessLogEntry : IChainLink
{
    public const string Genesis = HashChain.Genesis;

    public long Sequence { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Caller { get; init; }
    public string? CallerDepartment { get; init; }
    public string? OnBehalfOf { get; init; }
    public required string Purpose { get; init; }
    public required string Resource { get; init; }
    public required string Registry { get; init; }

    /// <summary>HMAC-SHA256 of the subject key under the installation's log key, hex.</summary>
    public required string SubjectHash { get; init; }

    public int ResultCount { get; init; }
    public int ElapsedMicroseconds { get; init; }
    public string PreviousHash { get; init; } = Genesis;
    public string Hash { get; private set; } = "";

    /// <summary>Fixes the entry's hash once its content and link are set.</summary>
    public AccessLogEntry Seal()
    {
        Hash = ComputeHash();
        return this;
    }

    public string ComputeHash()
    {
        var canonical = string.Join('\u001f',
            At.UtcTicks.ToString(CultureInfo.InvariantCulture), Caller, CallerDepartment ?? "", OnBehalfOf ?? "", Purpose, Resource, Registry,
            SubjectHash, ResultCount.ToString(CultureInfo.InvariantCulture), ElapsedMicroseconds.ToString(CultureInfo.InvariantCulture), PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>The access log's head (one row), moved with every append; a deleted tail shows against it.</summary>
internal sealed class AccessLogHead : IChainHead
{
    public int Id { get; set; } = 1;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = AccessLogEntry.Genesis;
}

/// <summary>A secret of the installation, made on first use and kept in the database (the access log's hash key).</summary>
internal sealed class RegistrySecret
{
    public required string Name { get; init; }
    public required byte[] Value { get; init; }
}

internal enum ImportStatus
{
    Running,
    Completed,
}

/// <summary>
/// A bulk import of one file into one registry. The checkpoint (<see cref="LinesDone"/>) is written in the same
/// transaction as the lines it covers, so an interrupted import resumes exactly where it stopped.
/// </summary>
internal sealed class ImportRun
{
    public Guid Id { get; init; }
    public required string Registry { get; init; }
    public required string FileName { get; init; }

    /// <summary>SHA-256 of the file: the same file resumes its unfinished run.</summary>
    public required string Fingerprint { get; init; }

    public ImportStatus Status { get; set; }
    public long LinesDone { get; set; }
    public long Added { get; set; }
    public long Changed { get; set; }
    public long Unchanged { get; set; }
    public long Rejected { get; set; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>
/// Calls and records returned per region day, calling department (or client without one) and resource: the access
/// log rolled up in the same transaction as the entries it counts, so statistics never scan the log.
/// </summary>
internal sealed class AccessCount
{
    public DateOnly Day { get; init; }
    public required string Department { get; init; }
    public required string Resource { get; init; }
    public long Calls { get; set; }
    public long Records { get; set; }
}
