using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Contracts;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;

namespace Tongban.Catalog.Features.ReportCatalog;

/// <summary>The listings in effect as the statistics count them: the same items <see cref="CatalogStatistics"/> reports on.</summary>
internal sealed class CatalogFigures(CatalogDbContext db) : ICatalogFigures
{
    public async Task<IReadOnlyList<ItemFigures>> ListAsync(string? departmentCreditCode, CancellationToken cancellationToken)
    {
        var listings = db.Listings.AsNoTracking().Where(l => l.Status != ItemStatus.Abolished);
        if (departmentCreditCode is not null) listings = listings.Where(l => l.DepartmentCreditCode == departmentCreditCode);
        var rows = await listings.OrderBy(l => l.ImplementationCode)
            .Select(l => new { l.ImplementationCode, l.Name, l.DepartmentCreditCode, l.DivisionCode, l.Level, l.OnlineDepth, l.Trips, l.StatutoryLimit, l.PromisedLimit })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(l => new ItemFigures(l.ImplementationCode, l.Name, l.DepartmentCreditCode, l.DivisionCode, LevelCode(l.Level),
            l.OnlineDepth, l.Trips, l.StatutoryLimit, l.PromisedLimit))];
    }

    private static string LevelCode(ExerciseLevel level) => level switch
    {
        ExerciseLevel.中央 => "central",
        ExerciseLevel.省 => "province",
        ExerciseLevel.市 => "city",
        ExerciseLevel.县 => "county",
        ExerciseLevel.乡镇 => "township",
        _ => "village",
    };
}
