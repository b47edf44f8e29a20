using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;

namespace Tongban.Catalog.Search;

/// <summary>
/// Holds the current <see cref="SearchIndex"/>. Rebuilt after a local change at once (the next search waits
/// for it) and every <see cref="RefreshInterval"/> otherwise, so changes on other instances arrive too.
/// </summary>
internal sealed class SearchIndexStore(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SearchIndex? _index;
    private DateTimeOffset _builtAt;
    private volatile bool _stale = true;

    public async ValueTask<SearchIndex> GetAsync(CancellationToken ct)
    {
        if (!_stale && _index is { } index && clock.GetUtcNow() - _builtAt < RefreshInterval) return index;
        await _gate.WaitAsync(ct);
        try
        {
            if (_stale || _index is null || clock.GetUtcNow() - _builtAt >= RefreshInterval)
            {
                _stale = false;
                _builtAt = clock.GetUtcNow();
                _index = await BuildAsync(ct);
            }
            return _index;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _stale = true;

    public void Dispose() => _gate.Dispose();

    private async Task<SearchIndex> BuildAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var rows = await db.Listings.AsNoTracking().Where(l => l.Status != ItemStatus.Abolished).OrderBy(l => l.ItemId).ToListAsync(ct);
        var documents = rows.Select(l => new SearchDocument(
            l.ItemId.Value, l.ImplementationCode, l.Name, l.Summary, l.DepartmentCreditCode, l.DepartmentName, l.Subjects, l.OnlineDepth,
            l.Trips, l.Type, l.Level, l.DivisionCode, l.Status, [.. l.ThemeList], [.. l.LifeEventList])).ToList();
        var synonyms = await db.Synonyms.AsNoTracking().Select(s => s.Terms).ToListAsync(ct);
        return new SearchIndex(documents, synonyms, Pinyin.Shipped);
    }
}
