namespace Tongban.Federation.Domain;

/// <summary>
/// One exchange as its side saw it (<c>fed_exchanges</c>): on the province each push received or refused, and each
/// reconciliation a city ran; on the city each reconciliation. The status page reads its latest rows per city.
/// <see cref="Refusal"/> holds the reason's code (e.g. <c>signature</c>), shown through its label, never raw.
/// </summary>
internal sealed class ExchangeEntry
{
    private ExchangeEntry()
    {
    }

    public long Id { get; private set; }
    public string City { get; private set; } = "";
    public string Type { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public string? BatchKey { get; private set; }
    public int Records { get; private set; }
    public int Held { get; private set; }
    public int Backlog { get; private set; }
    public string? Refusal { get; private set; }
    public bool Matched { get; private set; }
    public int Resent { get; private set; }

    public const string Push = "push";
    public const string Reconciliation = "reconciliation";
    public const string Catalog = "catalog";

    public static ExchangeEntry Pushed(string city, string batchKey, int records, int held, int backlog, DateTimeOffset at) =>
        new() { City = city, Type = Push, BatchKey = batchKey, Records = records, Held = held, Backlog = backlog, At = at };

    public static ExchangeEntry Refused(string city, string refusal, DateTimeOffset at) =>
        new() { City = city, Type = Push, Refusal = refusal, At = at };

    /// <summary>On the province: a page of the catalog feed given to a city.</summary>
    public static ExchangeEntry CatalogGiven(string city, int items, DateTimeOffset at) =>
        new() { City = city, Type = Catalog, Records = items, At = at };

    public static ExchangeEntry Reconciled(string city, int records, bool matched, int resent, DateTimeOffset at) =>
        new() { City = city, Type = Reconciliation, Records = records, Matched = matched, Resent = resent, At = at };
}
