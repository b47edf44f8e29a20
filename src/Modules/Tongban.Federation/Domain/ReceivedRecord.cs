namespace Tongban.Federation.Domain;

/// <summary>What the province did with one pushed record.</summary>
internal enum ReceiveOutcome
{
    Stored,
    Repeated,
    Older,
}

/// <summary>
/// A city's record as the province keeps it (<c>fed_records</c>), once per city, kind and key: a higher version
/// replaces it, an equal one is an acknowledged repeat and a lower one is acknowledged and ignored, so a late older
/// version never overwrites a newer one. A record for an item the province does not know is kept <see cref="Held"/>
/// with its reason, never dropped.
/// </summary>
internal sealed class ReceivedRecord
{
    private ReceivedRecord()
    {
    }

    public string City { get; private set; } = "";
    public string Kind { get; private set; } = "";
    public string Key { get; private set; } = "";
    public long Version { get; private set; }
    public DateOnly Day { get; private set; }
    public string? ItemCode { get; private set; }
    public string Payload { get; private set; } = "";
    public DateTimeOffset ReceivedAt { get; private set; }
    public string? HeldReason { get; private set; }

    public bool Held => HeldReason is not null;

    public static ReceivedRecord First(string city, PushedRecord pushed, string? heldReason, DateTimeOffset at) => new()
    {
        City = city, Kind = pushed.Kind, Key = pushed.Key, Version = pushed.Version, Day = pushed.Day,
        ItemCode = pushed.ItemCode, Payload = pushed.Payload, ReceivedAt = at, HeldReason = heldReason,
    };

    public ReceiveOutcome Apply(PushedRecord pushed, string? heldReason, DateTimeOffset at)
    {
        if (pushed.Version < Version) return ReceiveOutcome.Older;
        if (pushed.Version == Version) return ReceiveOutcome.Repeated;
        Version = pushed.Version;
        Day = pushed.Day;
        ItemCode = pushed.ItemCode;
        Payload = pushed.Payload;
        ReceivedAt = at;
        HeldReason = heldReason;
        return ReceiveOutcome.Stored;
    }
}

/// <summary>One record of a push, as the city sent it.</summary>
internal sealed record PushedRecord(string Kind, string Key, long Version, DateOnly Day, string? ItemCode, string Payload);
