using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.Accounts;
using Tongban.Identity.Features.Enterprises;
using Tongban.Identity.Features.Verification;
using Tongban.Kernel.Data;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Features.ImportRegionPack;

internal sealed record DemoCitizen(string IdNumber, string Name, string Phone, string Password, bool VerifyAgainstRegistry);

internal sealed record DemoEnterprise(string CreditCode, string Name, string RepresentativeIdNumber);

internal sealed record DemoStaff(string IdNumber, string Name, string Phone, string Password, string? DepartmentCode, string? StationKey, List<string> Roles, List<string>? DivisionScope);

internal sealed record DemoAccountsFile(List<DemoCitizen> Citizens, List<DemoEnterprise> Enterprises, List<DemoStaff> Staff);

/// <summary>
/// Demo accounts of a region pack (<c>accounts.json</c>, optional): only a demo pack has one, and it is loaded only
/// by the region seeder, i.e. on a fresh demo database or by <c>tongban seed</c>. Passwords are documented in the README.
/// </summary>
internal sealed class DemoAccountImporter(AccountsDbContext db, RegisterAccounts accounts, EnterpriseClaims enterprises, ManageStaff staff, VerifyRealName verify) : IRegionPackImporter
{
    public const string File = "accounts.json";

    public int Order => 90;

    public string Name => "identity";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) => db.Users.AnyAsync(cancellationToken);

    public async Task<string> ImportAsync(RegionPack pack, CancellationToken cancellationToken)
    {
        if (!pack.Has(File)) return "identity: no demo accounts in this pack";
        var file = JsonSerializer.Deserialize<DemoAccountsFile>(await System.IO.File.ReadAllTextAsync(pack.PathOf(File), cancellationToken), JsonColumns.Options)
            ?? throw new InvalidDataException($"{File} is empty");
        foreach (var c in file.Citizens)
        {
            var account = await accounts.RegisterCitizenAsync(new CitizenRegistration(c.IdNumber, c.Name, c.Phone, c.Password), cancellationToken);
            if (c.VerifyAgainstRegistry) await verify.AgainstRegistryAsync(account.Id, cancellationToken);
        }
        foreach (var e in file.Enterprises)
        {
            var representative = await db.Users.WhereMatches(a => a.IdNumber, e.RepresentativeIdNumber).SingleAsync(cancellationToken);
            await enterprises.ClaimAsync(representative.Id, e.CreditCode, e.Name, cancellationToken);
        }
        foreach (var s in file.Staff)
        {
            await staff.CreateAsync(new StaffRegistration(s.IdNumber, s.Name, s.Phone, s.Password,
                new StaffPlacement(s.DepartmentCode, s.StationKey, s.DivisionScope ?? []), s.Roles), Actor.System, ManageStaff.WholeRegion, cancellationToken);
        }
        return $"identity: {file.Citizens.Count} citizens, {file.Enterprises.Count} enterprises, {file.Staff.Count} staff (demo accounts)";
    }
}
