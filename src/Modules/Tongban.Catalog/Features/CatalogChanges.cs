using Tongban.Kernel.Data;

namespace Tongban.Catalog.Features;

/// <summary>After a committed catalog change: every instance's search index and cached public pages catch up (<see cref="ChangeSignals"/>).</summary>
internal sealed class CatalogChanges(ChangeSignals signals)
{
    public async Task CommittedAsync(CancellationToken ct)
    {
        await signals.AnnounceAsync(ChangeTopics.Catalog, ct);
        await signals.AnnounceAsync(ChangeTopics.PublicPages, ct);
    }
}
