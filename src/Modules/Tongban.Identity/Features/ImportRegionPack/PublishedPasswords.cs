using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Kernel.Data;
using Tongban.Kernel.PersonalData;
using Tongban.Kernel.Seeding;

namespace Tongban.Identity.Features.ImportRegionPack;

/// <summary>
/// Checks each demo account of the pack against the password the pack publishes for it: a hash verification per
/// account that exists (a dozen in the demo pack, about a second at start-up), so an account whose password was
/// changed passes and one that kept it does not, whatever its flags say.
/// </summary>
internal sealed class PublishedPasswords(AccountsDbContext db, IPasswordHasher<Account> hasher) : IPublishedPasswords
{
    public async Task<IReadOnlyList<string>> StillInUseAsync(RegionPack pack, CancellationToken cancellationToken)
    {
        if (!pack.Has(DemoAccountImporter.File)) return [];
        var file = JsonSerializer.Deserialize<DemoAccountsFile>(await File.ReadAllTextAsync(pack.PathOf(DemoAccountImporter.File), cancellationToken), JsonColumns.Options);
        var published = (file?.Citizens.Select(c => (c.IdNumber, c.Password)) ?? []).Concat(file?.Staff.Select(s => (s.IdNumber, s.Password)) ?? [])
            .ToDictionary(a => a.IdNumber, a => a.Password);
        // ID numbers are sealed at rest: each is found through its blind index (a dozen look-ups in the demo pack).
        var accounts = new List<Account>();
        foreach (var id in published.Keys)
            if (await db.Users.WhereMatches(a => a.IdNumber, id).AsNoTracking().SingleOrDefaultAsync(cancellationToken) is { } account) accounts.Add(account);
        return [.. accounts
            .Where(a => a.PasswordHash is not null && hasher.VerifyHashedPassword(a, a.PasswordHash, published[a.IdNumber]) != PasswordVerificationResult.Failed)
            .Select(a => a.MaskedIdNumber)];
    }
}
