using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features.ChangeStatus;

/// <summary>
/// Suspends, restores, revokes, cancels or revokes as a penalty, by a license administrator of the issuing authority
/// with a reason: the change, its push-upward event and its audit record in one transaction. Two officers acting at
/// once cannot both win (the license's update instant is its concurrency token).
/// </summary>
internal sealed class ChangeLicenseStatus(LicensesDbContext db, RegionClock clock, TimeProvider time)
{
    public async Task<License> ChangeAsync(string identifier, string action, string? reason, LicenseOfficer officer, CancellationToken ct)
    {
        if (!LicenseStatusText.Changes.TryGetValue(action ?? "", out var to))
            throw new DomainException(new DomainError("license.action_unknown", $"没有“{action}”这一操作（可用：{string.Join("、", LicenseStatusText.Changes.Keys)}）",
                $"There is no action '{action}' (known: {string.Join(", ", LicenseStatusText.Changes.Keys)})", ErrorKind.BadRequest, "action"));
        var license = await FindAsync(db, identifier, ct);
        var change = license.Change(to, reason ?? "", officer, clock.Today, time.GetUtcNow());
        Announce(db, license, change);
        await SaveAsync(db, ct);
        await Credentials.StatusLists.InvalidateAsync(db, license.IssuerCode, ct);
        return license;
    }

    /// <summary>The license with this identifier (its check character verified first); 404 when none.</summary>
    public static async Task<License> FindAsync(LicensesDbContext db, string identifier, CancellationToken ct)
    {
        var id = LicenseIdentifier.Parse(identifier).ToString();
        return await db.Licenses.SingleOrDefaultAsync(l => l.Identifier == id, ct)
            ?? throw new DomainException(DomainError.NotFound("该电子证照", "The license") with { Field = "identifier" });
    }

    public static void Announce(LicensesDbContext db, License license, StatusChange change)
    {
        db.Publish(LicenseStatusChanged.MessageType, new LicenseStatusChanged(license.Id.Value, license.Identifier, license.IssuerCode,
            LicenseStatusText.Code(change.From), LicenseStatusText.Code(change.To), change.Reason, change.At), change.At);
        db.Audit(new AuditRecord(change.Actor, $"licenses.status_{change.To.ToString().ToLowerInvariant()}", $"license:{license.Identifier}",
            $"{LicenseStatusText.Code(change.From)} → {LicenseStatusText.Code(change.To)}: {change.Reason}", change.At));
    }

    public static async Task SaveAsync(LicensesDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException(new DomainError("license.changed", "该证照刚被他人变更，请刷新后重试", "Someone changed this license a moment ago; reload and try again", ErrorKind.Conflict));
        }
    }
}
