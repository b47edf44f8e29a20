using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Organization.Data;
using Tongban.Organization.Domain;

namespace Tongban.Organization.Features.ManageStations;

/// <summary>An administrator adds a township or village station or changes it, with its staff.</summary>
internal sealed class EditStations(OrganizationDbContext db, TimeProvider clock, ChangeSignals signals)
{
    public async Task<Station> AddAsync(string key, StationDetails details, string actor, CancellationToken ct)
    {
        var station = Station.Create(key, details);
        if (await db.Stations.AnyAsync(s => s.Key == station.Key, ct))
            throw new DomainException(new DomainError("station.duplicate", $"站点标识“{station.Key}”已被使用", $"The station key '{station.Key}' is taken", ErrorKind.Conflict, "key"));
        await db.EnsureDivisionExistsAsync(station.DivisionCode, ct);
        db.Stations.Add(station);
        db.Audit(new AuditRecord(actor, "organization.station_added", $"station:{station.Key}", station.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.PublicPages, ct);
        return station;
    }

    public async Task<Station> UpdateAsync(string key, StationDetails details, string actor, CancellationToken ct)
    {
        var station = await db.Stations.SingleOrDefaultAsync(s => s.Key == key, ct)
            ?? throw new DomainException(DomainError.NotFound("驿站或便民服务站", "The station"));
        station.Update(details);
        await db.EnsureDivisionExistsAsync(station.DivisionCode, ct);
        db.Audit(new AuditRecord(actor, "organization.station_changed", $"station:{station.Key}", station.Name, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await signals.AnnounceAsync(ChangeTopics.PublicPages, ct);
        return station;
    }

}
