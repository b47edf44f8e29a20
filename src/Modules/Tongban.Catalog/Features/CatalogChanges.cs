using Microsoft.AspNetCore.OutputCaching;
using Tongban.Catalog.Search;
using Tongban.Kernel.Web;

namespace Tongban.Catalog.Features;

/// <summary>After a committed catalog change: the search index and the cached public pages of this instance catch up.</summary>
internal sealed class CatalogChanges(SearchIndexStore index, IOutputCacheStore pages)
{
    public async Task CommittedAsync(CancellationToken ct)
    {
        index.Invalidate();
        await pages.EvictByTagAsync(CachePolicies.PublicTag, ct);
    }
}
