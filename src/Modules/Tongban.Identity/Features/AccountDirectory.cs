using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Features;

internal sealed class AccountDirectory(AccountsDbContext db, TimeProvider clock) : IAccountDirectory
{
    public string StepUpPath => "/account/verify";

    public Task<AccountInfo?> FindAsync(Guid accountId, CancellationToken cancellationToken) =>
        InfoAsync(db.Users.Where(x => x.Id == accountId), cancellationToken);

    public Task<AccountInfo?> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken)
    {
        var normalised = idNumber.Trim().ToUpperInvariant();
        return InfoAsync(db.Users.WhereMatches(x => x.IdNumber, normalised), cancellationToken);
    }

    public async Task<IReadOnlyDictionary<Guid, AccountInfo>> FindManyAsync(IReadOnlyCollection<Guid> accountIds, CancellationToken cancellationToken) =>
        (await Infos(db.Users.Where(x => accountIds.Contains(x.Id))).ToListAsync(cancellationToken)).Select(Info).ToDictionary(a => a.Id);

    private static async Task<AccountInfo?> InfoAsync(IQueryable<Account> account, CancellationToken cancellationToken) =>
        await Infos(account).SingleOrDefaultAsync(cancellationToken) is { } a ? Info(a) : null;

    private sealed record InfoRow(Guid Id, string Name, RealNameLevel Level, AccountKind Kind, string IdNumber);

    private static IQueryable<InfoRow> Infos(IQueryable<Account> accounts) =>
        accounts.AsNoTracking().Select(x => new InfoRow(x.Id, x.Name, x.Level, x.Kind, x.IdNumber));

    private static AccountInfo Info(InfoRow a) =>
        new(a.Id, a.Name, (RealNameLevelInfo)a.Level, a.Kind == AccountKind.Staff, Kernel.Identifiers.ResidentIdNumber.Mask(a.IdNumber));

    public async Task<RealNameLevelInfo?> RealNameLevelAsync(Guid accountId, CancellationToken cancellationToken) =>
        (await FindAsync(accountId, cancellationToken))?.Level;

    public async Task<string?> DisplayNameAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(x => x.Id == accountId).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken);

    public async Task<string?> OwnIdNumberAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(x => x.Id == accountId).Select(x => x.IdNumber).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<EnterpriseInfo>> RepresentedEnterprisesAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Enterprises.AsNoTracking().Where(e => e.RepresentativeId == accountId && e.Status == EnterpriseStatus.Verified)
            .OrderBy(e => e.CreatedAt).Select(e => new EnterpriseInfo(e.CreditCode, e.Name)).ToListAsync(cancellationToken);

    // Agents are kept as JSON on the enterprise row, so the verified enterprises are read and their agents looked at here.
    public async Task<IReadOnlyList<EnterpriseInfo>> EnterprisesInScopeAsync(Guid accountId, string scope, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime); // as the agent's expiry is checked when invited
        var verified = await db.Enterprises.AsNoTracking().Where(e => e.Status == EnterpriseStatus.Verified).OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        return [.. verified.Where(e => e.RepresentativeId == accountId || e.Agents.Any(a => a.AccountId == accountId && a.Scopes.Contains(scope) && a.ExpiresOn >= today))
            .Select(e => new EnterpriseInfo(e.CreditCode, e.Name))];
    }

    public async Task<AccountContact?> ContactAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(x => x.Id == accountId && x.DeactivatedAt == null)
            .Select(x => new AccountContact(x.Id, x.PhoneNumber, x.Email, x.EmailConfirmed)).SingleOrDefaultAsync(cancellationToken);
}
