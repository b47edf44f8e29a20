namespace Tongban.Statistics.Contracts;

/// <summary>What publishing a month did: the month, how many departments, and the region's cases concluded.</summary>
public sealed record PublishedSummary(string Month, int Departments, long Concluded);

/// <summary>For <c>tongban statistics publish</c>: a month's public performance figures (政务服务效能公示), as the page publishes them.</summary>
public interface IPerformancePublisher
{
    /// <summary>Publishes (again) <paramref name="month"/> ("yyyy-MM"; null: the last ended month); a bad month is refused naming why.</summary>
    Task<PublishedSummary> PublishAsync(string? month, string actor, CancellationToken cancellationToken);
}
