namespace Tongban.Statistics.Domain;

/// <summary>
/// What a fact of the statistics shares, whether a case (<see cref="CaseFact"/>) or a rating taken on site
/// (<see cref="OnSiteRatingFact"/>): where it belongs (item, department, division, channel) and the 好差评 part — the
/// rating, and the rectification (整改) a bad one opened with its appeal. Every milestone is set once and never moved, so
/// events in any order, or twice, leave the same row; <see cref="Contributions"/> says what each adds to the roll-ups.
/// </summary>
internal abstract class Fact
{
    public string ItemCode { get; private set; } = "";
    public string ItemName { get; private set; } = "";
    public string DepartmentCode { get; private set; } = "";
    public string DivisionCode { get; private set; } = "";
    public string Channel { get; private set; } = "";

    public int? RatingLevel { get; private set; }
    public DateOnly? RatedOn { get; private set; }

    /// <summary>
    /// A bad rating's rectification (整改) as it stands: its due date and the day reported (null while open). An appeal upheld
    /// reopens it with a later due date, and the reopened one replaces the first (as the rating itself keeps only the last).
    /// </summary>
    public DateOnly? RectificationDueOn { get; private set; }
    public DateOnly? RectifiedOn { get; private set; }

    /// <summary>The applicant's appeal (申诉) of the reported rectification, and the supervisor's decision once made.</summary>
    public DateOnly? AppealedOn { get; private set; }
    public bool? AppealUpheld { get; private set; }

    /// <summary>Bumped by every change: two events of one fact handled at once cannot both win (the outbox retries the loser).</summary>
    public int Revision { get; private set; }

    /// <summary>Fills what an event says of the fact's place; a value once known is kept (an older event may know less).</summary>
    public void Place(string? itemCode, string? itemName, string? department, string? division, string? channel)
    {
        if (ItemCode.Length == 0 && !string.IsNullOrEmpty(itemCode)) ItemCode = itemCode;
        if (ItemName.Length == 0 && !string.IsNullOrEmpty(itemName)) ItemName = itemName;
        if (DepartmentCode.Length == 0 && !string.IsNullOrEmpty(department)) DepartmentCode = department;
        if (DivisionCode.Length == 0 && !string.IsNullOrEmpty(division)) DivisionCode = Normal(division);
        if (Channel.Length == 0 && !string.IsNullOrEmpty(channel)) Channel = channel;
    }

    /// <summary>A division code in its 12 digits (an event may carry the short 6- or 9-digit form); kept as given otherwise.</summary>
    private static string Normal(string division) =>
        Kernel.Identifiers.DivisionCode.TryParse(division, out var code, out _) ? code.Value.Value : division.Trim();

    public void Rated(int level, DateOnly on)
    {
        if (RatedOn is not null) return;
        (RatingLevel, RatedOn) = (level, on);
    }

    /// <summary>
    /// A rectification reported: the report of the latest due date counts (an upheld appeal's reopened rectification has a
    /// later one); a late message about an earlier round changes nothing, and a report of one due date is kept once.
    /// </summary>
    public void RectificationReported(DateOnly dueOn, DateOnly on)
    {
        if (RectificationDueOn is { } known && dueOn < known) return;
        if (RectificationDueOn != dueOn) (RectificationDueOn, RectifiedOn) = (dueOn, on);
        else RectifiedOn ??= on;
    }

    public void Appealed(DateOnly on) => AppealedOn ??= on;

    /// <summary>The appeal decided; upheld, the rectification reopens with its new due date, unreported (unless its report is already known).</summary>
    public void AppealDecided(bool upheld, DateOnly? reopenedDueOn)
    {
        AppealUpheld ??= upheld;
        if (upheld && reopenedDueOn is { } due && (RectificationDueOn is null || due > RectificationDueOn)) (RectificationDueOn, RectifiedOn) = (due, null);
    }

    /// <summary>Where the fact counts on <paramref name="day"/>: the roll-ups' slice.</summary>
    public Slice On(DateOnly day) => new(day, DepartmentCode, DivisionCode, ItemCode, Channel);

    /// <summary>A copy for the roll-up's before-and-after comparison.</summary>
    public Fact Snapshot() => (Fact)MemberwiseClone();

    public void Touch() => Revision++;
}
