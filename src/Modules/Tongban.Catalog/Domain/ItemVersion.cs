namespace Tongban.Catalog.Domain;

/// <summary>One version of an item's elements, with who drafted, submitted and reviewed it.</summary>
internal sealed class ItemVersion
{
    private ItemVersion() { }

    public ItemId ItemId { get; private set; }
    public int Number { get; private set; }
    public VersionState State { get; private set; }
    public ItemElements Elements { get; private set; } = new();
    public string EditedBy { get; private set; } = "";
    public DateTimeOffset EditedAt { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public string? Opinion { get; private set; }
    public DateOnly? EffectiveFrom { get; private set; }

    internal static ItemVersion Draft(ItemId item, int number, ItemElements elements, string actor, DateTimeOffset at) => new()
    {
        ItemId = item, Number = number, State = VersionState.Draft, Elements = elements, EditedBy = actor, EditedAt = at,
    };

    internal void Replace(ItemElements elements, string actor, DateTimeOffset at)
    {
        (Elements, EditedBy, EditedAt, State) = (elements, actor, at, VersionState.Draft);
    }

    internal void Submit(string actor, DateTimeOffset at) => (State, SubmittedBy, SubmittedAt) = (VersionState.Submitted, actor, at);

    internal void Approve(string reviewer, string? opinion, DateOnly effectiveFrom, DateTimeOffset at) =>
        (State, ReviewedBy, ReviewedAt, Opinion, EffectiveFrom) = (VersionState.Approved, reviewer, at, opinion, effectiveFrom);

    internal void Return(string reviewer, string opinion, DateTimeOffset at) =>
        (State, ReviewedBy, ReviewedAt, Opinion) = (VersionState.Returned, reviewer, at, opinion);
}
