namespace Tongban.Catalog.Domain;

/// <summary>
/// The public face of an item as in effect today, flattened for browsing, search and statistics. Rebuilt
/// from the item whenever it changes, and when a later version's effective date arrives.
/// </summary>
internal sealed class ItemListing
{
    public ItemId ItemId { get; set; }
    public int VersionNumber { get; set; }
    public string BasicCode { get; set; } = "";
    public string ImplementationCode { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Summary { get; set; }
    public ItemType Type { get; set; }
    public ExerciseLevel Level { get; set; }
    public string DivisionCode { get; set; } = "";
    public string DepartmentCreditCode { get; set; } = "";
    public string DepartmentName { get; set; } = "";
    public Subjects Subjects { get; set; }
    public string Themes { get; set; } = "";
    public string LifeEvents { get; set; } = "";
    public int? StatutoryLimit { get; set; }
    public int PromisedLimit { get; set; }
    public int Trips { get; set; }
    public int OnlineDepth { get; set; }
    public int RealNameLevel { get; set; }
    public ItemStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public DateOnly EffectiveFrom { get; set; }

    public const char ListSeparator = '|';

    public IEnumerable<string> ThemeList => Themes.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries);

    public IEnumerable<string> LifeEventList => LifeEvents.Split(ListSeparator, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// A bundle's items among <paramref name="listings"/>: per basic code the published implementation at the highest level
    /// (the city's own before a county's), in the bundle's order.
    /// </summary>
    public static List<ItemListing> ChooseForBundle(IEnumerable<ItemListing> listings, List<string> basicCodes) =>
        [.. listings.Where(l => l.Status == ItemStatus.Published).GroupBy(l => l.BasicCode)
            .Select(g => g.OrderBy(l => l.Level).ThenBy(l => l.DivisionCode, StringComparer.Ordinal).First())
            .OrderBy(l => basicCodes.IndexOf(l.BasicCode))];

    /// <summary>The listing of <paramref name="item"/> as of <paramref name="today"/>, or null when nothing of it is in effect.</summary>
    public static ItemListing? Of(ServiceItem item, DateOnly today, string departmentName)
    {
        var version = item.EffectiveOn(today);
        if (version is null) return null;
        var e = version.Elements;
        return new ItemListing
        {
            ItemId = item.Id, VersionNumber = version.Number, BasicCode = item.BasicCode, ImplementationCode = item.ImplementationCode,
            Name = e.Name, Summary = e.Summary, Type = e.Type!.Value, Level = e.Level!.Value, DivisionCode = e.DivisionCode,
            DepartmentCreditCode = e.DepartmentCreditCode, DepartmentName = departmentName, Subjects = e.Subjects,
            Themes = string.Join(ListSeparator, e.Themes), LifeEvents = string.Join(ListSeparator, e.LifeEvents),
            StatutoryLimit = e.StatutoryLimit, PromisedLimit = e.PromisedLimit ?? 0, Trips = e.Trips ?? 0, OnlineDepth = e.OnlineDepth ?? 1,
            RealNameLevel = e.RealNameLevel ?? 1, Status = item.Status, StatusReason = item.StatusReason, EffectiveFrom = version.EffectiveFrom!.Value,
        };
    }
}
