namespace Tongban.Statistics.Domain;

/// <summary>
/// One department's figures of a published month: counts only, never a case or a person. The values (on-time rate,
/// good ratings, online-handling rate) are the indicators' own formulas over these counts, applied when shown.
/// </summary>
internal sealed record PublicDepartmentRow
{
    public required string DepartmentCode { get; init; }
    public required string NameZh { get; init; }
    public required string NameEn { get; init; }
    public long Concluded { get; init; }
    public long ConcludedWithDue { get; init; }
    public long ConcludedOnTime { get; init; }
    public long Rated { get; init; }
    public long RatedBad { get; init; }
    /// <summary>The department's items in effect when the month was published, and of them those handled online (depth 3 or 4).</summary>
    public long Items { get; init; }
    public long OnlineItems { get; init; }
}

/// <summary>
/// A month's public performance figures (政务服务效能公示) as published: a snapshot, so that what the public read for
/// a month does not change afterwards unless it is published again (by whom and when is kept).
/// </summary>
internal sealed class PublishedMonth
{
    private PublishedMonth() { }

    /// <summary>The month, "yyyy-MM".</summary>
    public string Month { get; private set; } = "";
    public DateTimeOffset PublishedAt { get; private set; }
    public string PublishedBy { get; private set; } = "";
    public List<PublicDepartmentRow> Rows { get; private set; } = [];
    public int Revision { get; private set; }

    public static PublishedMonth Publish(string month, IEnumerable<PublicDepartmentRow> rows, string actor, DateTimeOffset at) =>
        new() { Month = month, Rows = [.. rows], PublishedBy = actor, PublishedAt = at, Revision = 1 };

    public void Republish(IEnumerable<PublicDepartmentRow> rows, string actor, DateTimeOffset at) =>
        (Rows, PublishedBy, PublishedAt, Revision) = ([.. rows], actor, at, Revision + 1);
}
