using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Errors;
using Tongban.Kernel.PersonalData;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Licenses.Features.ReadLicenses;

namespace Tongban.Licenses.Features.Wallet;

/// <summary>
/// The signed-in holder: their account and the codes their licenses carry — their own ID number (never shown, logged or
/// put in a URL) and the credit codes of the enterprises whose licenses they may use.
/// </summary>
internal sealed record HolderAccount(Guid AccountId, IReadOnlyList<string> Codes)
{
    public bool Holds(License license) => Codes.Contains(license.HolderCode, StringComparer.Ordinal);
}

/// <summary>One license of the wallet's list, with its holder's name (the person's own, or an enterprise's).</summary>
internal sealed record WalletRow(string Identifier, string TypeName, string HolderName, DateOnly IssuedOn, DateOnly? ValidUntil, LicenseStatus Status);

/// <summary>
/// The holder's wallet (我的证照): a citizen's licenses found by the ID number of their account, and an enterprise's by its
/// credit code for its legal representative and its agents given the licenses scope (经办人, "查看和使用证照"). Another
/// holder's license is simply not found. Opening a license reads it through its seal, so the holder sees what a verifier sees.
/// </summary>
internal sealed class Wallet(LicensesDbContext db, LicenseReader reader, ManageTypes.TypeDirectory types, IAccountDirectory accounts, Kernel.Time.RegionClock clock)
{
    public async Task<HolderAccount> HolderAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var account) ? account : Guid.Empty;
        var own = id == Guid.Empty ? null : await accounts.OwnIdNumberAsync(id, ct);
        var enterprises = id == Guid.Empty ? [] : await accounts.EnterprisesInScopeAsync(id, LicensesScope, ct);
        return own is null && enterprises.Count == 0
            ? throw new DomainException(new DomainError("wallet.account_required", "请使用本人的个人账户登录后查看证照", "Sign in with your own personal account to see your licenses", ErrorKind.Forbidden))
            : new HolderAccount(id, [.. new[] { own }.OfType<string>(), .. enterprises.Select(e => e.CreditCode)]);
    }

    /// <summary>The enterprise agent scope (Identity's) that lets an agent see and use the enterprise's licenses.</summary>
    public const string LicensesScope = "licenses";

    public async Task<IReadOnlyList<WalletRow>> ListAsync(HolderAccount holder, CancellationToken ct)
    {
        var rows = await db.Licenses.AsNoTracking().WhereMatchesAny(db, l => l.HolderCode, holder.Codes).Where(l => l.Status != LicenseStatus.Replaced)
            .OrderByDescending(l => l.IssuedOn).Take(200).Select(l => new { l.Identifier, l.TypeCode, l.HolderName, l.IssuedOn, l.ValidUntil, l.Status }).ToListAsync(ct);
        var names = (await types.PublishedAsync(ct)).ToDictionary(t => t.Code, t => t.Definition.Name);
        var today = clock.Today;
        return [.. rows.Select(r => new WalletRow(r.Identifier, names.GetValueOrDefault(r.TypeCode) ?? "电子证照", r.HolderName, r.IssuedOn, r.ValidUntil,
            r.Status == LicenseStatus.Valid && r.ValidUntil < today ? LicenseStatus.Expired : r.Status))];
    }

    /// <summary>The holder's own license through its seal; another's, a malformed or an unknown identifier: not found.</summary>
    public async Task<SealedLicense> OpenAsync(HolderAccount holder, string identifier, CancellationToken ct)
    {
        var license = LicenseIdentifier.TryParse(identifier, out _, out _) ? await reader.FindAsync(identifier, ct) : null;
        if (license is null || !holder.Holds(license)) throw LicenseReader.NotFound();
        return await reader.OpenAsync(license, ct);
    }

    public Task<TypeDefinition?> DefinitionAsync(License license, CancellationToken ct) => types.VersionAsync(license.TypeCode, license.TypeVersion, ct);

    public Task<IReadOnlyList<LicenseUse>> UsesAsync(LicenseId license, CancellationToken ct) => reader.UsesAsync(license, ct);

    public async Task<IReadOnlyList<ShareLink>> SharesAsync(LicenseId license, CancellationToken ct) =>
        (await db.Shares.AsNoTracking().Where(s => s.LicenseId == license).ToListAsync(ct)).OrderByDescending(s => s.CreatedAt).Take(50).ToList();
}
