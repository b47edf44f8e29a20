using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Identifiers;
using Tongban.Organization.Contracts;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features;

internal sealed class OrganizationDirectory(OrganizationDbContext db) : IOrganizationDirectory
{
    public Task<DepartmentInfo?> FindDepartmentAsync(Guid id, CancellationToken cancellationToken) =>
        Departments(db.Departments.Where(d => d.Id == DepartmentId.From(id))).FirstOrDefaultAsync(cancellationToken);

    public Task<DepartmentInfo?> FindDepartmentByCreditCodeAsync(string creditCode, CancellationToken cancellationToken)
    {
        var code = creditCode.Trim().ToUpperInvariant(); // codes are stored upper-case
        return Departments(db.Departments.Where(d => d.CreditCode == code)).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DepartmentInfo>> ListDepartmentsAsync(string? divisionCode, CancellationToken cancellationToken)
    {
        var query = db.Departments.AsNoTracking();
        if (divisionCode is not null && DivisionCode.TryParse(divisionCode, out var code, out _))
        {
            var prefix = code.Value.Prefix;
            query = query.Where(d => d.DivisionCode.StartsWith(prefix));
        }
        return await query.OrderBy(d => d.DivisionCode).ThenBy(d => d.Name)
            .Select(d => new DepartmentInfo(d.Id.Value, d.CreditCode, d.Name, d.NameEn, d.DivisionCode)).ToListAsync(cancellationToken);
    }

    public Task<DivisionInfo?> FindDivisionAsync(string code, CancellationToken cancellationToken) =>
        db.Divisions.AsNoTracking().Where(d => d.Code == code)
            .Select(d => new DivisionInfo(d.Code, d.Name, (int)d.Level, d.ParentCode, d.ValidFrom, d.ValidTo))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<DivisionInfo>> ListDivisionsAsync(CancellationToken cancellationToken) =>
        await db.Divisions.AsNoTracking().OrderBy(d => d.Code)
            .Select(d => new DivisionInfo(d.Code, d.Name, (int)d.Level, d.ParentCode, d.ValidFrom, d.ValidTo)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<string, string>> DivisionNamesAsync(CancellationToken cancellationToken)
    {
        var all = (await ListDivisionsAsync(cancellationToken)).ToDictionary(d => d.Code);
        string Path(DivisionInfo d) =>
            d.Level > (int)DivisionLevel.County && d.ParentCode is { } parent && all.TryGetValue(parent, out var up) ? Path(up) + d.Name : d.Name;
        return all.Values.ToDictionary(d => d.Code, Path, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<HallInfo>> ListHallsAsync(CancellationToken cancellationToken) =>
        (await db.Halls.AsNoTracking().OrderBy(h => h.DivisionCode).ThenBy(h => h.Name).ToListAsync(cancellationToken))
            .Select(h => h.Info()).ToList();

    public async Task<HallInfo?> FindHallAsync(string slug, CancellationToken cancellationToken) =>
        (await db.Halls.AsNoTracking().FirstOrDefaultAsync(h => h.Slug == slug, cancellationToken))?.Info();

    public async Task<IReadOnlyList<WindowInfo>> ListWindowsAsync(string hallSlug, CancellationToken cancellationToken) =>
        await (from h in db.Halls.AsNoTracking()
               where h.Slug == hallSlug
               join w in db.Windows.AsNoTracking() on h.Id equals w.HallId
               join d in db.Departments.AsNoTracking() on w.DepartmentId equals d.Id
               orderby w.Number
               select new WindowInfo(w.Number, w.Name, w.NameEn, d.CreditCode)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<StationInfo>> ListStationsAsync(CancellationToken cancellationToken) =>
        [.. (await db.Stations.AsNoTracking().OrderBy(s => s.Key).ToListAsync(cancellationToken))
            .Select(s => new StationInfo(s.Key, s.Name, s.DivisionCode, s.Address, s.Hours)
            {
                IsTownshipStation = s.Kind == StationKind.Yizhan, Phone = s.Phone, StaffCount = s.Staff.Count,
            })];

    private static IQueryable<DepartmentInfo> Departments(IQueryable<Department> departments) =>
        departments.AsNoTracking().Select(d => new DepartmentInfo(d.Id.Value, d.CreditCode, d.Name, d.NameEn, d.DivisionCode));
}
