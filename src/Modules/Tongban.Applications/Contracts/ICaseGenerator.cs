namespace Tongban.Applications.Contracts;

/// <summary>What a generation wrote: cases, of how many items, how long it took.</summary>
public sealed record CaseGenerationSummary(int Cases, int Items, TimeSpan Elapsed);

/// <summary>Synthetic cases for demos and benchmarks (<c>tongban generate cases</c>).</summary>
public interface ICaseGenerator
{
    /// <summary>
    /// Writes <paramref name="count"/> cases of the published items named by <paramref name="itemCodes"/> (null: every
    /// item of the demo region pack's catalog), spread over the past 240 days and the whole lifecycle; the same seed
    /// makes the same cases. <paramref name="progress"/> hears the running total after each batch.
    /// </summary>
    Task<CaseGenerationSummary> GenerateAsync(int count, int seed, IReadOnlyList<string>? itemCodes, IProgress<int>? progress, CancellationToken cancellationToken);
}
