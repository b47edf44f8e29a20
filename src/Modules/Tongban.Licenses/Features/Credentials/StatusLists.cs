using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Time;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Signing;

namespace Tongban.Licenses.Features.Credentials;

/// <summary>
/// The issuers' Bitstring Status List credentials, two per issuer: <c>revocation</c> (the bit is set for good when a
/// license is revoked, cancelled, revoked as a penalty or replaced by a newer version) and <c>suspension</c> (set
/// while suspended, cleared when restored). Every license's place (<see cref="License.StatusIndex"/>) is the same in
/// both. A status change clears the stored credential (<see cref="InvalidateAsync"/>); the next request rebuilds,
/// signs and stores it, so the list served is never older than the last change.
/// </summary>
internal sealed class StatusLists(LicensesDbContext db, SealKeys keys, RegionClock clock)
{
    public const string Revocation = "revocation", Suspension = "suspension";
    public static readonly IReadOnlyList<string> Purposes = [Revocation, Suspension];

    /// <summary>How long a verifier may keep a list before fetching it again (ms, the spec's <c>ttl</c>).</summary>
    public const int TtlMs = 300_000;

    public static bool IsSet(string purpose, LicenseStatus status) =>
        purpose == Revocation ? LicenseStatusText.IsFinal(status) : status == LicenseStatus.Suspended;

    /// <summary>Marks the issuer's lists for rebuilding; call after the change is saved (a rebuild racing it then cannot store the older list).</summary>
    public static Task InvalidateAsync(LicensesDbContext db, string issuer, CancellationToken ct) =>
        db.StatusLists.Where(l => l.Issuer == issuer)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Credential, "").SetProperty(l => l.Revision, l => l.Revision + 1), ct);

    /// <summary>The signed list (vc+jwt) of a known issuer and purpose; null when either is unknown.</summary>
    public async Task<string?> CredentialAsync(string origin, string issuer, string purpose, CancellationToken ct)
    {
        if (!Purposes.Contains(purpose) || !await db.Licenses.AnyAsync(l => l.IssuerCode == issuer, ct)) return null;
        var list = await RowAsync(issuer, purpose, ct);
        if (list.Credential.Length > 0) return list.Credential;
        var statuses = Enum.GetValues<LicenseStatus>().Where(s => IsSet(purpose, s)).ToList();
        var set = await db.Licenses.Where(l => l.IssuerCode == issuer && statuses.Contains(l.Status)).Select(l => l.StatusIndex).ToListAsync(ct);
        var key = await keys.CurrentAsync(issuer, KeyPurpose.Credential, ct);
        var address = CredentialIds.StatusList(origin, issuer, purpose);
        var payload = new JsonObject
        {
            ["@context"] = new JsonArray(CredentialIds.Context),
            ["id"] = address,
            ["type"] = new JsonArray("VerifiableCredential", "BitstringStatusListCredential"),
            ["issuer"] = CredentialIds.Issuer(origin, issuer),
            ["validFrom"] = clock.Machine(clock.UtcNow),
            ["credentialSubject"] = new JsonObject
            {
                ["id"] = $"{address}#list", ["type"] = "BitstringStatusList", ["statusPurpose"] = purpose,
                ["encodedList"] = StatusBits.Encode(set), ["ttl"] = TtlMs,
            },
            ["iat"] = clock.UtcNow.ToUnixTimeSeconds(),
        };
        var jwt = Jws.Sign(payload, CredentialIds.Kid(origin, key), data => keys.Sign(key, data));
        list.Publish(jwt, clock.UtcNow);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A status change came between: this list is already old, so it is served once and not stored.
        }
        return jwt;
    }

    private async Task<StatusList> RowAsync(string issuer, string purpose, CancellationToken ct)
    {
        // The row exists before the licenses are read, so an invalidation after that read always reaches it.
        if (!await db.StatusLists.AnyAsync(l => l.Issuer == issuer && l.Purpose == purpose, ct))
        {
            db.StatusLists.Add(StatusList.Create(issuer, purpose));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // made by a request at the same moment
            }
        }
        return await db.StatusLists.SingleAsync(l => l.Issuer == issuer && l.Purpose == purpose, ct);
    }

    public static string Index(int index) => index.ToString(CultureInfo.InvariantCulture);
}
