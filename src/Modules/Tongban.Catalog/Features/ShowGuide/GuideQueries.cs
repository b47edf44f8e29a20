using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Kernel.Time;
using Tongban.Organization.Contracts;

namespace Tongban.Catalog.Features.ShowGuide;

/// <summary>A place of the guide: a hall (with a link to its page) or a station (with its address).</summary>
internal sealed record GuidePlace(string? HallSlug, string Name, IReadOnlyList<string> Windows, string? Hours, string? Address);

/// <summary>Everything the guide page shows: the version in effect today and where it is handled.</summary>
internal sealed record Guide(
    Guid ItemId, string BasicCode, string ImplementationCode, ItemStatus Status, string? StatusReason, int Version, DateOnly EffectiveFrom,
    ItemElements Elements, string DepartmentName, IReadOnlyList<GuidePlace> Places)
{
    public bool AcceptsApplications => Status == ItemStatus.Published;
}

internal sealed class GuideQueries(CatalogDbContext db, IOrganizationDirectory organization, RegionClock clock)
{
    public async Task<Guide?> GetAsync(string implementationCode, CancellationToken ct)
    {
        var item = await db.Items.AsNoTracking().Include(i => i.Versions).SingleOrDefaultAsync(i => i.ImplementationCode == implementationCode, ct);
        var version = item?.EffectiveOn(clock.Today);
        if (item is null || version is null) return null;
        var e = version.Elements;
        var department = await organization.FindDepartmentByCreditCodeAsync(e.DepartmentCreditCode, ct);
        var halls = (await organization.ListHallsAsync(ct)).ToDictionary(h => h.Slug, h => Kernel.Localization.Text.Pick(h.Name, h.NameEn));
        var stations = e.Places.Any(p => p.Station is not null) ? (await organization.ListStationsAsync(ct)).ToDictionary(s => s.Key) : [];
        return new Guide(item.Id.Value, item.BasicCode, item.ImplementationCode, item.Status, item.StatusReason, version.Number, version.EffectiveFrom!.Value,
            e, department is null ? e.DepartmentCreditCode : Kernel.Localization.Text.Pick(department.Name, department.NameEn),
            e.Places.Select(p => p.Station is { } key
                ? new GuidePlace(null, stations.TryGetValue(key, out var st) ? st.Name : key, [], p.Hours ?? stations.GetValueOrDefault(key)?.Hours, stations.GetValueOrDefault(key)?.Address)
                : new GuidePlace(p.Hall, halls.GetValueOrDefault(p.Hall ?? "", p.Hall ?? ""), p.Windows, p.Hours, null)).ToList());
    }
}
