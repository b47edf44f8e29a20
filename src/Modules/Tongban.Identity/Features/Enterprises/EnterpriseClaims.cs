using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.Notices;
using Tongban.Identity.Features.Verification;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Registries.Contracts;

namespace Tongban.Identity.Features.Enterprises;

/// <summary>
/// Claiming to be an enterprise's legal representative (法定代表人), and settling claims. The legal-entity registry is asked
/// (purpose 实名认证) whether the claimant — by ID number, at L2 or above — is the active entity's recorded representative:
/// if so the claim is verified at once (L2) and any other holder of the code, or pending claimant, loses theirs, each told
/// by SMS; if it names someone else, the claim is refused. Where the registry cannot say (no such code, no representative's
/// ID number), the claim waits for a window clerk or station agent (<see cref="VerifyAtWindowAsync"/>) and blocks no one.
/// A clerk may also revoke a wrongly held registration, with a reason (<see cref="RevokeAtWindowAsync"/>). All audited.
/// </summary>
internal sealed class EnterpriseClaims(AccountsDbContext db, IRegistryVerification registries, TimeProvider clock, IHttpContextAccessor http)
{
    private string From => $"from {ClientAddress.Of(http.HttpContext)}";

    public async Task<Enterprise> ClaimAsync(Guid claimantId, string? creditCode, string? name, CancellationToken ct)
    {
        var (code, checkedName) = Enterprise.Check(creditCode, name);
        var claimant = await db.Users.SingleAsync(a => a.Id == claimantId, ct);
        if (await db.Enterprises.AnyAsync(e => e.CreditCode == code && e.RepresentativeId == claimantId && e.Status != EnterpriseStatus.Revoked, ct))
            throw new DomainException(new DomainError("enterprise.claimed_already", "您已登记或申请过该单位", "You have registered or claimed this enterprise already", ErrorKind.Conflict, "credit_code"));
        var check = await registries.VerifyRepresentativeAsync(code, checkedName, claimant.IdNumber,
            new RegistryRead("module:identity", null, claimantId.ToString(), VerifyRealName.Purpose, "legal-entities.identity"), ct);
        var now = clock.GetUtcNow();
        var enterprise = check switch
        {
            RepresentativeCheck.Representative when claimant.Level >= RealNameLevel.RegistryVerified => Enterprise.ProvenByRegistry(code, checkedName, claimantId, now),
            RepresentativeCheck.Representative => throw new DomainException(EnterpriseErrors.LevelRequired),
            RepresentativeCheck.NotRepresentative => throw new DomainException(EnterpriseErrors.NotTheRepresentative),
            RepresentativeCheck.NameDiffers => throw new DomainException(EnterpriseErrors.NameDiffers),
            RepresentativeCheck.Inactive => throw new DomainException(EnterpriseErrors.Inactive),
            _ => Enterprise.Claimed(code, checkedName, claimantId, now),
        };
        if (enterprise.Status == EnterpriseStatus.Verified)
            await SupersedeAsync(enterprise, $"account:{claimantId}", "法人库登记的法定代表人已认领该单位", "The representative recorded in the legal-entity registry claimed the enterprise", ct);
        db.Enterprises.Add(enterprise);
        db.Audit(new AuditRecord($"account:{claimantId}", enterprise.Status == EnterpriseStatus.Verified ? "identity.enterprise_registered" : "identity.enterprise_claimed",
            $"enterprise:{code}", enterprise.Status == EnterpriseStatus.Verified ? $"L2, proven by the legal-entity registry, {From}" : $"pending: the registry cannot say, {From}", now));
        await db.SaveChangesAsync(ct);
        return enterprise;
    }

    /// <summary>A clerk saw the business licence and the claimant's ID card; a code another person holds must be revoked first.</summary>
    public async Task VerifyAtWindowAsync(Guid enterpriseId, string staff, CancellationToken ct)
    {
        var enterprise = await FindAsync(enterpriseId, ct);
        if (await db.Enterprises.AnyAsync(e => e.CreditCode == enterprise.CreditCode && e.Status == EnterpriseStatus.Verified, ct))
            throw new DomainException(new DomainError("enterprise.held", "该单位已由他人登记，请先撤销其登记（填写原因）", "Someone holds this enterprise; revoke their registration first, with the reason", ErrorKind.Conflict));
        enterprise.VerifyInPerson(staff, clock.GetUtcNow());
        await SupersedeAsync(enterprise, staff, "窗口已核验其他申请人", "A window verified another claimant", ct);
        db.Audit(new AuditRecord(staff, "identity.enterprise_verified", $"enterprise:{enterprise.CreditCode}", $"L3 at a window, claimant account:{enterprise.RepresentativeId}, {From}", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    public async Task RevokeAtWindowAsync(Guid enterpriseId, string staff, string? reason, CancellationToken ct)
    {
        var enterprise = await FindAsync(enterpriseId, ct);
        Revoke(enterprise, staff, reason, reason ?? "");
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every other live claim to the code gives way to <paramref name="winner"/>.</summary>
    private async Task SupersedeAsync(Enterprise winner, string by, string chinese, string english, CancellationToken ct)
    {
        foreach (var other in await db.Enterprises.Where(e => e.CreditCode == winner.CreditCode && e.Id != winner.Id && e.Status != EnterpriseStatus.Revoked).ToListAsync(ct))
            Revoke(other, by, chinese, english);
    }

    private void Revoke(Enterprise enterprise, string by, string? chinese, string english)
    {
        var now = clock.GetUtcNow();
        enterprise.Revoke(by, chinese, now);
        db.Audit(new AuditRecord(by, "identity.enterprise_claim_revoked", $"enterprise:{enterprise.CreditCode}",
            $"claimant account:{enterprise.RepresentativeId}, reason: {english}, {From}", now));
        AccountNotices.Publish(db, enterprise.RepresentativeId, AccountNoticeKinds.EnterpriseClaimRevoked,
            $"您对单位“{enterprise.Name}”（{enterprise.CreditCode}）的登记已撤销：{chinese}。如有异议，请携带营业执照和身份证到政务服务大厅窗口办理。",
            $"Your registration of {enterprise.Name} ({enterprise.CreditCode}) was revoked: {english}. If you disagree, bring the business licence and your ID card to a service hall window.", now);
    }

    private async Task<Enterprise> FindAsync(Guid id, CancellationToken ct) =>
        await db.Enterprises.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new DomainException(DomainError.NotFound("单位登记", "The registration"));
}
