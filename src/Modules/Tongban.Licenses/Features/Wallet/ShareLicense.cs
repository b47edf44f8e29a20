using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ReadLicenses;
using Tongban.Licenses.Features.VerifyLicense;

namespace Tongban.Licenses.Features.Wallet;

/// <summary>
/// Showing a license to someone (亮证): the holder makes a link valid for a chosen number of days and may revoke it;
/// whoever opens it while it is open sees the license as a verifier does, and each opening is in its use log.
/// </summary>
internal sealed class ShareLicense(LicensesDbContext db, Wallet wallet, LicenseReader reader, UseLog uses, IOptions<LicensesOptions> options, TimeProvider clock)
{
    public async Task<string> ShareAsync(HolderAccount holder, string identifier, int days, CancellationToken ct)
    {
        var license = (await wallet.OpenAsync(holder, identifier, ct)).License;
        var now = clock.GetUtcNow();
        var (link, token) = ShareLink.Create(license.Id, holder.AccountId, now.AddDays(days), options.Value.MaxShareLife, now);
        db.Shares.Add(link);
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task RevokeAsync(HolderAccount holder, string identifier, Guid share, CancellationToken ct)
    {
        var license = (await wallet.OpenAsync(holder, identifier, ct)).License;
        var link = await db.Shares.SingleOrDefaultAsync(s => s.Id == share && s.LicenseId == license.Id, ct)
            ?? throw new DomainException(DomainError.NotFound("该分享链接", "The share link"));
        link.Revoke(holder.AccountId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The license behind an open link, its check recorded; null for an unknown, expired or revoked link.</summary>
    public async Task<CheckResult?> ViewAsync(string token, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var link = await db.Shares.SingleOrDefaultAsync(s => s.TokenHash == ShareLink.Hash(token ?? ""), ct);
        if (link is null || !link.IsOpen(now)) return null;
        var license = await db.Licenses.AsNoTracking().SingleAsync(l => l.Id == link.LicenseId, ct);
        var sealedLicense = await reader.OpenAsync(license, ct);
        var result = CheckResult.Of(sealedLicense);
        link.Viewed();
        await db.SaveChangesAsync(ct);
        await uses.RecordAsync(LicenseUse.Record(license.Id, UseKind.SharedView, $"share:{link.Id}", null, "持证人分享查看 shown by the holder", result.Verdict.ToString(), now), ct);
        return result;
    }
}
