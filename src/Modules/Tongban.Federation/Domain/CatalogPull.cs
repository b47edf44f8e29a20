namespace Tongban.Federation.Domain;

/// <summary>
/// On a city: one page of the provincial catalog feed applied, or a pull that failed (<c>fed_catalog_pulls</c>). The
/// cursor the next pull asks with is the latest row's <see cref="Cursor"/>: it is written in the same transaction as the
/// page's entries, only after the catalog has applied the page, so a crash in between applies the page again (which
/// changes nothing). <see cref="Failure"/> holds a reason's code (e.g. <c>signature</c>), shown through its label.
/// </summary>
internal sealed class CatalogPull
{
    private CatalogPull()
    {
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string? Cursor { get; private set; }
    public DateTimeOffset? ChangedUpTo { get; private set; }
    public int Added { get; private set; }
    public int Changed { get; private set; }
    public int Unchanged { get; private set; }
    public int Refused { get; private set; }
    public int SentToReview { get; private set; }
    public string? Failure { get; private set; }

    public static CatalogPull Applied(string? cursor, DateTimeOffset? changedUpTo, int added, int changed, int unchanged, int refused, int sentToReview, DateTimeOffset at) =>
        new() { Cursor = cursor, ChangedUpTo = changedUpTo, Added = added, Changed = changed, Unchanged = unchanged, Refused = refused, SentToReview = sentToReview, At = at };

    /// <summary>A pull that applied nothing: the cursor it kept, and why.</summary>
    public static CatalogPull Failed(string? cursor, DateTimeOffset? changedUpTo, string failure, DateTimeOffset at) =>
        new() { Cursor = cursor, ChangedUpTo = changedUpTo, Failure = failure, At = at };

    /// <summary>Nothing had changed upstream since the cursor.</summary>
    public static CatalogPull UpToDate(string? cursor, DateTimeOffset? changedUpTo, DateTimeOffset at) =>
        new() { Cursor = cursor, ChangedUpTo = changedUpTo, At = at };
}

/// <summary>
/// On a city: what the latest pull that carried an item did with it (<c>fed_catalog_entries</c>, one row per
/// implementation code): applied (added or changed), unchanged, or refused with the catalog's reasons in both languages.
/// The status page names the refused ones by item name.
/// </summary>
internal sealed class CatalogEntryState
{
    private CatalogEntryState()
    {
    }

    public string ImplementationCode { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Outcome { get; private set; } = "";
    public string? ReasonZh { get; private set; }
    public string? ReasonEn { get; private set; }
    public DateTimeOffset At { get; private set; }

    public const string Applied = "applied";
    public const string Unchanged = "unchanged";
    public const string Refused = "refused";

    public static CatalogEntryState Of(string implementationCode) => new() { ImplementationCode = implementationCode };

    public void Record(string name, string outcome, string? reasonZh, string? reasonEn, DateTimeOffset at)
    {
        // An entry applied once and seen again unchanged stays "applied" until something else happens to it.
        if (outcome == Unchanged && Outcome == Applied) outcome = Applied;
        (Name, Outcome, ReasonZh, ReasonEn, At) = (Cut(name, 200) ?? "", outcome, Cut(reasonZh, 2000), Cut(reasonEn, 2000), at);
    }

    private static string? Cut(string? value, int max) => value is { Length: > 0 } v && v.Length > max ? v[..max] : value;
}
