using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.SignIn;
using Tongban.Identity.Features.Verification;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Registries.Contracts;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Features.Accounts;

internal sealed record CitizenRegistration(string IdNumber, string Name, string Phone, string Password);

/// <summary>A citizen registers (L1); a signed-in citizen registers the enterprise they represent and manages its agents.</summary>
internal sealed class RegisterAccounts(AccountsDbContext db, UserManager<Account> users, IRegistryVerification registries, TimeProvider clock, IHttpContextAccessor http)
{
    private string From => $"from {ClientAddress.Of(http.HttpContext)}";

    public async Task<Account> RegisterCitizenAsync(CitizenRegistration input, CancellationToken ct)
    {
        var account = Account.RegisterCitizen(input.IdNumber, input.Name, input.Phone, clock.GetUtcNow());
        await EnsureUniqueAsync(account, ct);
        await SetPasswordAsync(account, input.Password);
        var created = await users.CreateAsync(account);
        if (!created.Succeeded) throw SignInErrors.From(created);
        db.Audit(new AuditRecord($"account:{account.Id}", "identity.registered", $"account:{account.MaskedIdNumber}", $"L1, {From}", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return account;
    }

    /// <summary>Validates and hashes the password before the account exists, so a refused password saves nothing.</summary>
    public async Task SetPasswordAsync(Account account, string? password, string field = "password")
    {
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, account, password ?? "");
            if (!result.Succeeded) throw SignInErrors.From(result, field);
        }
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password!);
    }

    public async Task EnsureUniqueAsync(Account account, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        if (await db.Users.WhereMatches(a => a.IdNumber, account.IdNumber).AnyAsync(ct))
            errors.Add(new("account.duplicate_id", "该身份证号码已注册，请直接登录或找回密码", "This ID number is already registered; sign in or reset the password", ErrorKind.Conflict, "id_number"));
        if (await db.Users.WhereMatches(a => a.PhoneNumber, account.PhoneNumber).AnyAsync(ct))
            errors.Add(new("account.duplicate_phone", "该手机号码已被其他账号使用", "This phone number belongs to another account", ErrorKind.Conflict, "phone"));
        if (errors.Count > 0) throw new DomainException(errors);
    }

    /// <summary>
    /// The legal representative registers the enterprise. The legal-entity registry is asked (purpose 实名认证):
    /// an active entity with this code and name makes it L2; an inactive one is refused; no match leaves it at L1.
    /// </summary>
    public async Task<Enterprise> RegisterEnterpriseAsync(Guid representative, string creditCode, string name, CancellationToken ct)
    {
        var draft = Enterprise.Register(creditCode, name, representative, registryConfirmed: false, clock.GetUtcNow());
        if (await db.Enterprises.AnyAsync(e => e.CreditCode == draft.CreditCode, ct))
            throw new DomainException(new DomainError("enterprise.duplicate", "该统一社会信用代码已注册", "This credit code is already registered", ErrorKind.Conflict, "credit_code"));
        var check = await registries.VerifyEntityAsync(draft.CreditCode, draft.Name,
            new RegistryRead("module:identity", null, representative.ToString(), VerifyRealName.Purpose, "legal-entities.identity"), ct);
        if (check == EntityCheck.Inactive)
            throw new DomainException(new DomainError("enterprise.inactive", "法人库显示该单位已注销、吊销或迁出，无法注册", "The legal-entity registry shows this entity as cancelled, revoked or moved out", Field: "credit_code"));
        var enterprise = Enterprise.Register(draft.CreditCode, draft.Name, representative, check == EntityCheck.Match, clock.GetUtcNow());
        db.Enterprises.Add(enterprise);
        db.Audit(new AuditRecord($"account:{representative}", "identity.enterprise_registered", $"enterprise:{enterprise.CreditCode}", $"L{(int)enterprise.Level}, {From}", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return enterprise;
    }

    public async Task InviteAgentAsync(Guid representative, Guid enterpriseId, string agentIdNumber, IReadOnlyCollection<string> scopes, DateOnly expiresOn, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == enterpriseId, ct) ?? throw new DomainException(DomainError.NotFound("单位", "The enterprise"));
        var id = (agentIdNumber ?? "").Trim().ToUpperInvariant();
        var agent = await db.Users.WhereMatches(a => a.IdNumber, id).SingleOrDefaultAsync(ct)
            ?? throw new DomainException(new DomainError("enterprise.agent_unknown", "未找到该身份证号码的账号，请经办人先注册", "No account has this ID number; the agent registers first", Field: "agent_id_number"));
        enterprise.InviteAgent(representative, agent.Id, scopes, expiresOn, clock.GetUtcNow());
        db.Audit(new AuditRecord($"account:{representative}", "identity.agent_invited", $"enterprise:{enterprise.CreditCode}", $"agent {agent.MaskedIdNumber}, scopes {string.Join(",", enterprise.Agents.Single(a => a.AccountId == agent.Id).Scopes)}, until {expiresOn:yyyy-MM-dd}, {From}", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    public async Task RemoveAgentAsync(Guid representative, Guid enterpriseId, Guid agent, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.SingleOrDefaultAsync(e => e.Id == enterpriseId, ct) ?? throw new DomainException(DomainError.NotFound("单位", "The enterprise"));
        enterprise.RemoveAgent(representative, agent);
        db.Audit(new AuditRecord($"account:{representative}", "identity.agent_removed", $"enterprise:{enterprise.CreditCode}", From, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }
}
