namespace Tongban.Federation.Domain;

/// <summary>
/// A record waiting on the city to go up, or gone (store-and-forward, <c>fed_outgoing</c>): the latest version of one
/// record of one kind. A change raises the version and makes it due again; only the province's acknowledgement of that
/// very version marks it sent, so a row is never lost to a failed push or a crash between sending and marking.
/// </summary>
internal sealed class OutgoingRecord
{
    private OutgoingRecord()
    {
    }

    public string Kind { get; private set; } = "";
    public string Key { get; private set; } = "";
    public long Version { get; private set; }
    public DateOnly Day { get; private set; }
    public string? ItemCode { get; private set; }
    public string Payload { get; private set; } = "";
    public bool Sent { get; private set; }
    public DateTimeOffset StagedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }

    public static OutgoingRecord Stage(string kind, string key, DateOnly day, string? itemCode, string payload, DateTimeOffset at) => new()
    {
        Kind = kind, Key = key, Version = 1, Day = day, ItemCode = itemCode, Payload = payload, StagedAt = at, NextAttemptAt = at,
    };

    /// <summary>A new state of the record: the next version, due now. The same payload again changes nothing (a repeated event).</summary>
    public bool Change(string? itemCode, string payload, DateTimeOffset at)
    {
        if (payload == Payload) return false;
        Version++;
        ItemCode = itemCode ?? ItemCode;
        Payload = payload;
        StagedAt = at;
        MakeDue(at);
        return true;
    }

    /// <summary>The province stored (or already had) <paramref name="version"/>; an acknowledgement of an older version leaves the newer one due.</summary>
    public void Acknowledged(long version, DateTimeOffset at)
    {
        if (version != Version) return;
        Sent = true;
        SentAt = at;
        Attempts = 0;
        LastError = null;
    }

    /// <summary>
    /// A push failed: try again after an exponential back-off (by default 2 s doubling to 10 minutes) with jitter, so many
    /// cities do not return together.
    /// </summary>
    public void Failed(string error, DateTimeOffset at, double jitter, TimeSpan first, TimeSpan max)
    {
        Attempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        NextAttemptAt = at + Kernel.Time.Backoff.After(Attempts, first, max) * (0.75 + (0.5 * jitter));
    }

    /// <summary>
    /// Taken for a push until <paramref name="until"/>: not due for anyone else meanwhile. The due instant is a concurrency
    /// token, so of two instances taking the same row one wins and the other leaves it.
    /// </summary>
    public void Lease(DateTimeOffset until) => NextAttemptAt = until;

    /// <summary>Reconciliation found the province without this version: send it again.</summary>
    public void MakeDue(DateTimeOffset at)
    {
        Sent = false;
        SentAt = null;
        NextAttemptAt = at;
        Attempts = 0;
    }
}
