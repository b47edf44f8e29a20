using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Organization.Contracts;

namespace Tongban.Catalog.Search;

/// <summary>
/// Holds the current <see cref="SearchIndex"/>. After a change made by this instance the next search waits for a
/// rebuild, so a writer reads its own change. Every <see cref="RefreshInterval"/> the index is rebuilt in the
/// background for changes made by other instances, while searches go on against the index in hand.
/// </summary>
internal sealed class SearchIndexStore(IServiceScopeFactory scopes, TimeProvider clock, ILogger<SearchIndexStore> logger) : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SearchIndex? _index;
    private DateTimeOffset _builtAt;
    private volatile bool _stale = true;
    private int _refreshing;
    private Guid? _seenChange;
    private readonly TaskCompletionSource _built = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask<SearchIndex> GetAsync(CancellationToken ct)
    {
        if (!_stale && _index is { } index)
        {
            if (clock.GetUtcNow() - _builtAt >= RefreshInterval && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
                _ = Task.Run(RefreshInBackgroundAsync, CancellationToken.None);
            return index;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_stale || _index is null) await RebuildAsync(ct);
            return _index!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _stale = true;

    /// <summary>Whether an index has been built since the start: search can answer at once (the readiness check).</summary>
    public bool IsBuilt => _built.Task.IsCompleted;

    /// <summary>Completes when the first index is built; starts nothing itself.</summary>
    public Task Built => _built.Task;

    public void Dispose() => _gate.Dispose();

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await _gate.WaitAsync();
            try
            {
                await RebuildAsync(CancellationToken.None);
            }
            finally
            {
                _gate.Release();
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Refreshing the search index failed; the previous index stays in use");
        }
        finally
        {
            Interlocked.Exchange(ref _refreshing, 0);
        }
    }

    private async Task RebuildAsync(CancellationToken ct)
    {
        _stale = false;
        _builtAt = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        // Every catalog change writes an audit record to the catalog's outbox: the latest one tells whether
        // anything changed since the index was built, so an idle refresh costs one query.
        var latest = await db.OutboxMessages.AsNoTracking().OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Id)
            .Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
        if (_index is not null && latest == _seenChange) return;
        _index = await BuildAsync(scope.ServiceProvider, db, ct);
        _seenChange = latest;
        _built.TrySetResult();
    }

    private static async Task<SearchIndex> BuildAsync(IServiceProvider services, CatalogDbContext db, CancellationToken ct)
    {
        var rows = await db.Listings.AsNoTracking().Where(l => l.Status != ItemStatus.Abolished).OrderBy(l => l.ItemId).ToListAsync(ct);
        var documents = rows.Select(l => new SearchDocument(
            l.ItemId.Value, l.ImplementationCode, l.BasicCode, l.Name, l.Summary, l.DepartmentCreditCode, l.DepartmentName, l.Subjects, l.OnlineDepth,
            l.Trips, l.Type, l.Level, l.DivisionCode, l.Status, [.. l.ThemeList], [.. l.LifeEventList])).ToList();
        var lifeEvents = await db.Bundles.AsNoTracking().OrderBy(b => b.Code)
            .Select(b => new LifeEventDocument(b.Code, b.Name, b.Summary, b.Subjects)).ToListAsync(ct);
        var synonyms = await db.Synonyms.AsNoTracking().Select(s => s.Terms).ToListAsync(ct);
        var divisions = await services.GetRequiredService<IOrganizationDirectory>().ListDivisionsAsync(ct);
        return new SearchIndex(documents, synonyms, Pinyin.Shipped, lifeEvents, divisions.GroupBy(d => d.Code).ToDictionary(g => g.Key, g => g.MaxBy(d => d.ValidFrom)!.Name));
    }
}
