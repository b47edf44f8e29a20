using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;

namespace Tongban.Identity.Features;

internal sealed class AccountDirectory(AccountsDbContext db) : IAccountDirectory
{
    public string StepUpPath => "/account/verify";

    public async Task<AccountInfo?> FindAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var a = await db.Users.AsNoTracking().Where(x => x.Id == accountId)
            .Select(x => new { x.Id, x.Name, x.Level, x.Kind, x.IdNumber }).SingleOrDefaultAsync(cancellationToken);
        return a is null ? null : new AccountInfo(a.Id, a.Name, (RealNameLevelInfo)a.Level, a.Kind == AccountKind.Staff, Kernel.Identifiers.ResidentIdNumber.Mask(a.IdNumber));
    }

    public async Task<AccountInfo?> FindByIdNumberAsync(string idNumber, CancellationToken cancellationToken)
    {
        var normalised = idNumber.Trim().ToUpperInvariant();
        var id = await db.Users.AsNoTracking().Where(x => x.IdNumber == normalised)
            .Select(x => (Guid?)x.Id).SingleOrDefaultAsync(cancellationToken);
        return id is { } found ? await FindAsync(found, cancellationToken) : null;
    }

    public async Task<RealNameLevelInfo?> RealNameLevelAsync(Guid accountId, CancellationToken cancellationToken) =>
        (await FindAsync(accountId, cancellationToken))?.Level;

    public async Task<string?> DisplayNameAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(x => x.Id == accountId).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken);

    public async Task<string?> OwnIdNumberAsync(Guid accountId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(x => x.Id == accountId).Select(x => x.IdNumber).SingleOrDefaultAsync(cancellationToken);
}
