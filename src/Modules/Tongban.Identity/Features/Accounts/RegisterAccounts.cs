using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.SignIn;
using Tongban.Identity.Passwords;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Features.Accounts;

internal sealed record CitizenRegistration(string IdNumber, string Name, string Phone, string Password);

/// <summary>A citizen registers (L1); the representative of a verified enterprise manages its agents (claims: <see cref="Enterprises.EnterpriseClaims"/>).</summary>
internal sealed class RegisterAccounts(AccountsDbContext db, UserManager<Account> users, TimeProvider clock, IHttpContextAccessor http)
{
    private string From => $"from {ClientAddress.Of(http.HttpContext)}";

    public async Task<Account> RegisterCitizenAsync(CitizenRegistration input, CancellationToken ct)
    {
        var account = Account.RegisterCitizen(input.IdNumber, input.Name, input.Phone, clock.GetUtcNow());
        await EnsureUniqueAsync(account, ct);
        await users.SetCheckedPasswordAsync(account, input.Password);
        var created = await users.CreateAsync(account);
        if (!created.Succeeded) throw SignInErrors.From(created);
        db.Audit(new AuditRecord($"account:{account.Id}", "identity.registered", $"account:{account.MaskedIdNumber}", $"L1, {From}", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return account;
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
