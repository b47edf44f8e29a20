using Tongban.Kernel.Seeding;
using Tongban.Statistics.Contracts;

namespace Tongban.Statistics.Features.Rebuild;

/// <summary>
/// On a start that loads the demo region (<c>Region:SeedDemoWhenEmpty</c>), after every other module: when cases exist
/// but no fact does (generated before the first start, or from before this module), the facts and roll-ups are filled
/// from the cases, so the dashboard shows them. Nothing to do when the facts are there or there are no cases.
/// </summary>
internal sealed class FactsImporter(IStatisticsRebuild rebuild, RefillFacts refill) : IRegionPackImporter
{
    public int Order => 100;

    public string Name => "statistics";

    public async Task<bool> HasDataAsync(CancellationToken cancellationToken) => !await refill.MissingAsync(cancellationToken);

    public async Task<string> ImportAsync(RegionPack pack, CancellationToken cancellationToken) =>
        await rebuild.RefillFactsAsync(onlyWhenMissing: true, null, cancellationToken) is { } summary
            ? $"statistics: {summary.Facts} case facts filled from the cases, {summary.Days} days rolled up"
            : "statistics: no cases to count";
}
