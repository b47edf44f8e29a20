using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Contracts;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Catalog.Features.ImportFeed;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;

namespace Tongban.Catalog.Features.PublishFeed;

/// <summary>
/// The provincial items (level 省) published and in effect, and those abolished, as an incremental feed in the import's
/// own shape (<see cref="FeedItem.From"/>). A published item is stamped with when its version in effect took effect — its
/// approval, or the region's midnight of its effective date when that is later — so a version approved for a later day
/// is given once that day comes; an abolished item is stamped with its abolition (<c>"status": "abolished"</c> and the
/// reason, which the city's import applies). The cursor is the last given item's stamp and implementation code; it is
/// opaque to the reader. Only stamps up to the caller's settling instant are given, so a change committed a moment after
/// its stamp is not passed over.
/// </summary>
internal sealed class PublishedChanges(CatalogDbContext db, RegionClock clock) : ICatalogFeedSource
{
    public const int MaxLimit = 500;

    public async Task<CatalogFeedPage> ReadAsync(string? after, int limit, DateTimeOffset settledBy, CancellationToken cancellationToken)
    {
        var from = Parse(after);
        limit = Math.Clamp(limit, 1, MaxLimit);
        var today = clock.Today;
        var items = await db.Items.AsNoTracking().Include(i => i.Versions)
            .Where(i => (i.Status == ItemStatus.Published || (i.Status == ItemStatus.Abolished && i.AbolishedAt != null))
                && db.Listings.Any(l => l.ItemId == i.Id && l.Level == ExerciseLevel.省))
            .ToListAsync(cancellationToken);
        var changed = items
            .Select(i => (Item: i, Version: i.EffectiveOn(today)))
            .Where(x => x.Version is not null)
            .Select(x => (x.Item, Line: Line(x.Item, x.Version!), Stamp: x.Item.AbolishedAt?.ToUniversalTime() ?? Stamp(x.Version!)))
            .Where(x => x.Stamp <= settledBy)
            .Where(x => from is not { } f || x.Stamp.UtcTicks > f.Ticks || (x.Stamp.UtcTicks == f.Ticks && string.CompareOrdinal(x.Item.ImplementationCode, f.Code) > 0))
            .OrderBy(x => x.Stamp.UtcTicks).ThenBy(x => x.Item.ImplementationCode, StringComparer.Ordinal)
            .ToList();
        var page = changed.Take(limit).ToList();
        var document = new FeedDocument("provincial-catalog", null, [.. page.Select(x => x.Line)], [], Complete: false);
        var last = page.Count > 0 ? page[^1] : default;
        return new CatalogFeedPage(JsonSerializer.SerializeToUtf8Bytes(document, FeedReader.Options), page.Count,
            page.Count > 0 ? $"{last.Stamp.UtcTicks}.{last.Item.ImplementationCode}" : after, page.Count > 0 ? last.Stamp : null, changed.Count > page.Count);
    }

    private static FeedItem Line(ServiceItem item, ItemVersion version)
    {
        var line = FeedItem.From(item.BasicCode, item.ImplementationCode, version.Elements);
        return item.Status == ItemStatus.Abolished ? line with { Status = "abolished", StatusReason = item.StatusReason } : line;
    }

    private DateTimeOffset Stamp(ItemVersion version)
    {
        var approved = version.ReviewedAt ?? version.EditedAt;
        var effective = version.EffectiveFrom is { } day ? clock.At(day, TimeOnly.MinValue) : approved;
        return effective > approved ? effective.ToUniversalTime() : approved.ToUniversalTime();
    }

    private static (long Ticks, string Code)? Parse(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor)) return null;
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && long.TryParse(cursor.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && cursor.Length - dot - 1 is > 0 and <= 36)
            return (ticks, cursor[(dot + 1)..]);
        throw new DomainException(new DomainError("feed.cursor", "目录变更的游标无效", "The catalog feed's cursor is not valid", ErrorKind.BadRequest, "after"));
    }
}
