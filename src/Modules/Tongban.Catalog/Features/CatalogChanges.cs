using Microsoft.AspNetCore.OutputCaching;
using Tongban.Catalog.Search;
using Tongban.Kernel.Data;
using Tongban.Kernel.Web;

namespace Tongban.Catalog.Features;

/// <summary>After a committed catalog change: every instance's search index and cached public pages catch up (<see cref="ChangeSignals"/>).</summary>
internal sealed class CatalogChanges(ChangeSignals signals)
{
    public Task CommittedAsync(CancellationToken ct) => signals.AnnounceAsync(ChangeTopics.Catalog, ct);
}

/// <summary>The search index is rebuilt before the next search, and the cached public pages are dropped.</summary>
internal sealed class CatalogListener(SearchIndexStore index, IOutputCacheStore pages) : IChangeListener
{
    public string Topic => ChangeTopics.Catalog;

    public async Task ChangedAsync(string? subject, CancellationToken cancellationToken)
    {
        index.Invalidate();
        await pages.EvictByTagAsync(CachePolicies.PublicTag, cancellationToken);
    }
}
