using Microsoft.EntityFrameworkCore;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Import;
using Tongban.Kernel.Seeding;
using Tongban.Organization.Contracts;

namespace Tongban.Halls.Features.ImportRegionPack;

/// <summary>
/// Loads a region pack's hall_categories.csv (hall_slug, letter, name, name_en, windows as space-separated numbers): each
/// hall's business categories and the windows serving them. Every line is checked before anything is written; a pack
/// without the file has no categories, and its kiosks say so.
/// </summary>
internal sealed class CategoryPackImporter(HallsDbContext db, IOrganizationDirectory organization) : IRegionPackImporter
{
    private const string File = "hall_categories.csv";

    public int Order => 15; // after the organisation's halls and windows

    public string Name => "halls";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) => db.Categories.AnyAsync(cancellationToken);

    public async Task<string> ImportAsync(RegionPack pack, CancellationToken cancellationToken)
    {
        if (!System.IO.File.Exists(pack.PathOf(File))) return $"{File}: none";
        using var reader = new StreamReader(pack.PathOf(File));
        var rows = CsvTable.Read(reader, File, "hall_slug", "letter", "name", "windows");
        var halls = (await organization.ListHallsAsync(cancellationToken)).ToDictionary(h => h.Slug);
        var windows = new Dictionary<string, IReadOnlyList<WindowInfo>>();
        var (errors, categories) = (new List<DomainError>(), new List<Category>());
        foreach (var row in rows)
        {
            if (!halls.TryGetValue(row["hall_slug"], out var hall))
            {
                errors.Add(row.Error("hall_slug", new DomainError("category.hall_unknown", "没有这个服务大厅", "There is no such hall")));
                continue;
            }
            if (!windows.TryGetValue(hall.Slug, out var open)) windows[hall.Slug] = open = await organization.ListWindowsAsync(hall.Slug, cancellationToken);
            try
            {
                var category = Category.Create(hall.Id, row["letter"], row["name"], row.Optional("name_en"),
                    row["windows"].Split(' ', StringSplitOptions.RemoveEmptyEntries), [.. open.Select(w => w.Number)]);
                if (categories.Any(c => c.HallId == hall.Id && c.Letter == category.Letter))
                    errors.Add(row.Error("letter", new DomainError("category.letter_taken", "本大厅已有这个类别字母", "This hall already has this letter")));
                categories.Add(category);
            }
            catch (DomainException e)
            {
                errors.AddRange(e.Errors.Select(x => row.Error(x.Field ?? "", x)));
            }
        }
        if (errors.Count > 0) throw new DomainException(errors);
        db.Categories.AddRange(categories);
        await db.SaveChangesAsync(cancellationToken);
        return $"{File}: {categories.Count} categories in {categories.Select(c => c.HallId).Distinct().Count()} halls";
    }
}
