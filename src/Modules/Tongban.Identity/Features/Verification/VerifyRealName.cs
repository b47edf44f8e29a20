using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Registries.Contracts;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Features.Verification;

/// <summary>Raising an account's real-name level: L2 against the population registry, L3 in person.</summary>
internal sealed class VerifyRealName(AccountsDbContext db, IRegistryVerification registries, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>The purpose every registry read for real-name verification records; the person sees it in "who read my data".</summary>
    public const string Purpose = "实名认证";

    public async Task<Account> AgainstRegistryAsync(Guid accountId, CancellationToken ct)
    {
        var account = await db.Users.SingleOrDefaultAsync(a => a.Id == accountId, ct) ?? throw new DomainException(DomainError.NotFound("账号", "The account"));
        if (account.Level >= RealNameLevel.RegistryVerified) return account;
        var check = await registries.VerifyPersonAsync(account.IdNumber, account.Name,
            new RegistryRead("module:identity", null, account.Id.ToString(), Purpose, "population.identity"), ct);
        var now = clock.GetUtcNow();
        db.Audit(new AuditRecord($"account:{account.Id}", "identity.step_up", $"account:{account.MaskedIdNumber}", $"L2 {check}, from {ClientAddress.Of(http.HttpContext)}", now));
        if (check != PersonCheck.Match)
        {
            await db.SaveChangesAsync(ct);
            throw new DomainException(check == PersonCheck.Deceased
                ? new DomainError("real_name.deceased", "人口库显示此身份证号码的持有人已死亡，无法认证", "The population registry records this ID number's holder as deceased", Field: "id_number")
                : new DomainError("real_name.no_match", "身份证号码与姓名在人口库中不匹配，请核对后重试，或到窗口现场认证",
                    "The ID number and name do not match the population registry; check them, or verify in person at a window", Field: "id_number"));
        }
        account.VerifyAgainstRegistry(now);
        await db.SaveChangesAsync(ct);
        return account;
    }

    /// <summary>
    /// A window clerk or station agent has seen the person and the ID card; the name on the card must match the account,
    /// and a staff member scoped to divisions verifies only people whose household (户籍) lies in them.
    /// </summary>
    public async Task<Account> InPersonAsync(string idNumber, string nameOnCard, string staff, StaffScope scope, CancellationToken ct)
    {
        if (!Kernel.Identifiers.ResidentIdNumber.TryParse(idNumber, out var id, out var error)) throw new DomainException(error!.At("id_number"));
        var account = await db.Users.WhereMatches(a => a.IdNumber, id.Value.Value).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(new DomainError("real_name.no_account", "该身份证号码尚未注册账号", "No account has this ID number", Field: "id_number"));
        if (account.Name != (nameOnCard ?? "").Trim())
            throw new DomainException(new DomainError("real_name.name_differs", "证件上的姓名与账号姓名不一致", "The name on the card differs from the account's name", Field: "name"));
        await RequireInScopeAsync(account, staff, scope, ct);
        var now = clock.GetUtcNow();
        account.VerifyInPerson(staff, now);
        db.Audit(new AuditRecord(staff, "identity.verified_in_person", $"account:{account.MaskedIdNumber}", $"L3, from {ClientAddress.Of(http.HttpContext)}", now));
        await db.SaveChangesAsync(ct);
        return account;
    }

    /// <summary>
    /// A scoped staff member's reach: the household division from the population registry (read for 实名认证, on the
    /// staff member's behalf) must be in scope. No household record here means a region-wide colleague must do it.
    /// </summary>
    private async Task RequireInScopeAsync(Account account, string staff, StaffScope scope, CancellationToken ct)
    {
        if (scope.Divisions.Count == 0) return;
        var household = await registries.FetchFactAsync("population.household", account.IdNumber,
            new RegistryRead("module:identity", scope.DepartmentCode, staff, Purpose, "population.household"), ct);
        var division = household?.Values.FirstOrDefault(v => v.Name == "divisionCode")?.Stored;
        if (division is null || !scope.Covers(division))
            throw new DomainException(new DomainError("real_name.out_of_scope",
                "此人的户籍不在您负责的行政区划内（或人口库中没有其户籍），请由负责该区划或全市的工作人员核验",
                "This person's household is outside your divisions (or not in the population registry); a colleague covering it, or the whole region, verifies them",
                ErrorKind.Forbidden, "id_number"));
    }
}
