using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Data;
using Tongban.Kernel.Seeding;

namespace Tongban.Kernel.Calendar;

/// <summary>Loads each shipped year that the database does not hold yet; never overwrites an administrator's edits.</summary>
internal sealed class CalendarSeeder(KernelDbContext db, ChangeSignals signals) : IRegionPackImporter
{
    public int Order => 0;

    public string Name => "calendar";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) => db.CalendarDays.AnyAsync(cancellationToken);

    public async Task<string> ImportAsync(RegionPack pack, CancellationToken cancellationToken)
    {
        var loaded = new List<int>();
        foreach (var year in ShippedCalendars.Load())
        {
            var start = new DateOnly(year.Year, 1, 1);
            var end = new DateOnly(year.Year, 12, 31);
            if (await db.CalendarDays.AnyAsync(d => d.Date >= start && d.Date <= end, cancellationToken)) continue;
            db.CalendarDays.AddRange(year.Days());
            loaded.Add(year.Year);
        }
        await db.SaveChangesAsync(cancellationToken);
        await signals.AnnounceAsync(ChangeTopics.Calendar, cancellationToken);
        return loaded.Count == 0 ? "calendar: all shipped years present" : $"calendar: loaded {string.Join(", ", loaded)}";
    }
}
