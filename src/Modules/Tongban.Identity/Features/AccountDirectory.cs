using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Features;

internal sealed class AccountDirectory(AccountsDbContext db) : IAccountDirectory
{
    public string StepUpPath => "/account/verify";

    public Task<AccountInfo?> FindAsync(Guid accountId, CancellationToken cancellationToken) =>
        InfoAsync(db.Users.Where(x => x.Id == accountId), cancellationToken);

    public Task<AccountInfo?> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken)
    {
        var normalised = idNumber.Trim().ToUpperInvariant();
        return InfoAsync(db.Users.WhereMatches(x => x.IdNumber, normalised), cancellationToken);
    }

    private static async Task<AccountInfo?> InfoAsync(IQueryable<Account> account, CancellationToken cancellationToken)
    {
        var a = await account.AsNoTracking().Select(x => new { x.Id, x.Name, x.Level, x.Kind, x.IdNumber }).SingleOrDefaultAsync(cancellationToken);
        return a is null ? null : new AccountInfo(a.Id, a.Name, (RealNameLevelInfo)a.Level, a.Kind == AccountKind.Staff, Kernel.Identifiers.ResidentIdNumber.Mask(a.IdNumber));
    }

    public async Task<RealNameLevelInfo?> RealNameLevelAsync(Guid accountId, CancellationToken cancellationToken) =>
        (await FindAsync(accountId, cancellationToken))?.Level;

    public async Task<string?> DisplayNameAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(x => x.Id == accountId).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken);

    public async Task<string?> OwnIdNumberAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(x => x.Id == accountId).Select(x => x.IdNumber).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<EnterpriseInfo>> RepresentedEnterprisesAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Enterprises.AsNoTracking().Where(e => e.RepresentativeId == accountId && e.Level >= RealNameLevel.RegistryVerified)
            .OrderBy(e => e.CreatedAt).Select(e => new EnterpriseInfo(e.CreditCode, e.Name)).ToListAsync(cancellationToken);

    public async Task<AccountContact?> ContactAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(x => x.Id == accountId && x.DeactivatedAt == null)
            .Select(x => new AccountContact(x.Id, x.PhoneNumber, x.Email, x.EmailConfirmed)).SingleOrDefaultAsync(cancellationToken);
}
