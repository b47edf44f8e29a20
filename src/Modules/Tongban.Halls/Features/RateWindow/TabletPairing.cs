using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Halls.Data;
using Tongban.Halls.Domain;
using Tongban.Halls.Features.CallTickets;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;

namespace Tongban.Halls.Features.RateWindow;

/// <summary>The pairing code the clerk reads out to the tablet, and until when (the region's time) it may be typed.</summary>
internal sealed record PairingOffer(string Window, string Code, DateTimeOffset ExpiresAt);

/// <summary>
/// Binds a rating tablet to its window (<see cref="RatingTablet"/>): the window's clerk asks for a code, the tablet
/// turns it into its token, and ratings are taken only from the window's current tablet. Every pairing is audited.
/// </summary>
internal sealed class TabletPairing(HallsDbContext db, Calling calling, IOptions<HallsOptions> options, RegionClock clock)
{
    /// <summary>The cookie that carries a tablet's token: HttpOnly, a year, sent only to the hall pages and API.</summary>
    public const string Cookie = "tongban.tablet";

    public async Task<PairingOffer> OfferAsync(ClaimsPrincipal clerk, string hallSlug, string window, CancellationToken ct)
    {
        var desk = await calling.DeskAsync(clerk, hallSlug, window, ct); // only a clerk of the window's department
        var (tablet, code) = RatingTablet.Offer(desk.Hall.Id, desk.Window, desk.Actor, clock.UtcNow, options.Value.PairingCodeLifetime);
        db.Tablets.Add(tablet);
        db.Audit(new AuditRecord(desk.Actor, "halls.tablet_offered", $"hall:{desk.Hall.Hall.Slug}/window:{desk.Window}", null, clock.UtcNow));
        await db.SaveChangesAsync(ct);
        return new PairingOffer(desk.Window, code, tablet.CodeExpiresAt);
    }

    /// <summary>The tablet's token for the code typed on it; the window's earlier tablets stop rating.</summary>
    public async Task<string> PairAsync(HallPlace hall, string window, string? code, CancellationToken ct)
    {
        var typed = new string((code ?? "").Where(char.IsAsciiDigit).ToArray());
        if (typed.Length != RatingTablet.CodeDigits) throw RatingTablet.CodeInvalid();
        var hash = RatingTablet.Hash(typed);
        var offer = await db.Tablets.FirstOrDefaultAsync(t => t.HallId == hall.Id && t.Window == window && t.CodeHash == hash, ct)
            ?? throw RatingTablet.CodeInvalid();
        var token = offer.Pair(clock.UtcNow);
        foreach (var older in await db.Tablets.Where(t => t.HallId == hall.Id && t.Window == window && t.Id != offer.Id && t.RetiredAt == null).ToListAsync(ct))
            older.Retire(clock.UtcNow);
        db.Audit(new AuditRecord("tablet", "halls.tablet_paired", $"hall:{hall.Hall.Slug}/window:{window}", $"offered by {offer.OfferedBy}", clock.UtcNow));
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>Whether <paramref name="token"/> is the current tablet of the window.</summary>
    public async Task<bool> IsPairedAsync(Guid hallId, string window, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100) return false;
        var hash = RatingTablet.Hash(token);
        return await db.Tablets.AnyAsync(t => t.TokenHash == hash && t.HallId == hallId && t.Window == window && t.RetiredAt == null, ct);
    }
}
