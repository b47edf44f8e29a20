using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Sharing.Data;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Features.LookUpGrants;

/// <summary>Every published resource and every grant, as one immutable in-memory picture.</summary>
internal sealed record SharingPicture(
    FrozenDictionary<string, PublishedResource> Resources,
    FrozenDictionary<(string Consumer, string Resource), GrantView[]> Grants);

/// <summary>
/// Holds the <see cref="SharingPicture"/> the exchange reads at thousands of requests a second. A change
/// drops it on every instance (<see cref="ChangeSignals"/>, after the commit), so the next read loads a
/// fresh one; were a notice lost, the change arrives within <see cref="MaxAge"/>. Concurrent readers share
/// one load. Dates (expiry) are judged at read time, so a grant expires without a reload.
/// A load carries the generation it started under: a change committed while a load is under way bumps the
/// generation, so that load's picture (which may predate the change) is never kept as fresh.
/// </summary>
internal sealed class SharingSnapshot(IServiceScopeFactory scopes, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private volatile Entry? _entry;
    private long _generation;

    private sealed record Entry(Task<SharingPicture> Picture, DateTimeOffset LoadedAt, long Generation);

    /// <summary>Lock-free while the picture is fresh; one caller starts a load when it is not, the others wait for that load.</summary>
    public Task<SharingPicture> GetAsync(CancellationToken cancellationToken)
    {
        var entry = _entry;
        if (entry is null || !IsFresh(entry))
        {
            lock (_gate)
            {
                entry = _entry;
                if (entry is null || !IsFresh(entry))
                {
                    var generation = Interlocked.Read(ref _generation);
                    _entry = entry = new Entry(LoadAsync(), clock.GetUtcNow(), generation);
                }
            }
        }
        return entry.Picture.WaitAsync(cancellationToken);
    }

    /// <summary>Called after a commit: the next read loads the committed state.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _entry = null;
    }

    private bool IsFresh(Entry entry) => entry.Generation == Interlocked.Read(ref _generation)
        && !entry.Picture.IsFaulted && !entry.Picture.IsCanceled && clock.GetUtcNow() - entry.LoadedAt <= MaxAge;

    private async Task<SharingPicture> LoadAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SharingDbContext>();
        var resources = await db.Resources.AsNoTracking().Where(r => r.Live != null)
            .Select(r => new { r.Code, r.Live }).ToListAsync();
        var grants = await db.Grants.AsNoTracking().ToListAsync();
        return new SharingPicture(
            resources.Where(r => r.Live is not null).ToFrozenDictionary(r => r.Code, r => PublishedResource.From(r.Code, r.Live!)),
            grants.GroupBy(g => (g.ConsumerCreditCode, g.ResourceCode))
                .ToFrozenDictionary(g => g.Key, g => g.Select(GrantView.From).ToArray()));
    }
}
