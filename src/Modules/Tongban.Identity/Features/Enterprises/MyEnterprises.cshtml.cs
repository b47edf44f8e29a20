using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.Accounts;

namespace Tongban.Identity.Features.Enterprises;

internal sealed record AgentRow(Guid AccountId, string Name, string MaskedIdNumber, IReadOnlyList<string> Scopes, DateOnly ExpiresOn);

internal sealed record EnterpriseRow(Guid Id, string CreditCode, string Name, RealNameLevel Level, EnterpriseStatus Status, string? RevokedReason, IReadOnlyList<AgentRow> Agents);

/// <summary>
/// A citizen registers the enterprise they legally represent (<see cref="EnterpriseClaims"/>: proven by the legal-entity
/// registry, or waiting for a window), and once it is verified invites or removes its agents (经办人) with scopes and an
/// expiry date. The agent is named by ID number in the form body, never in a URL.
/// </summary>
[Authorize]
internal sealed class MyEnterprisesModel(AccountsDbContext db, RegisterAccounts register, EnterpriseClaims claims) : PageModel
{
    [BindProperty] public string? CreditCode { get; set; }
    [BindProperty] public string? EnterpriseName { get; set; }
    [BindProperty] public Guid EnterpriseId { get; set; }
    [BindProperty] public string? AgentIdNumber { get; set; }
    [BindProperty] public List<string> Scopes { get; set; } = [];
    [BindProperty] public DateOnly? ExpiresOn { get; set; }

    public IReadOnlyList<EnterpriseRow> Enterprises { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Forbid();

    public async Task<IActionResult> OnPostRegisterAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        await claims.ClaimAsync(User.AccountId()!.Value, CreditCode, EnterpriseName, ct);
        return Redirect("/account/enterprises");
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        await register.InviteAgentAsync(User.AccountId()!.Value, EnterpriseId, AgentIdNumber ?? "", Scopes, ExpiresOn ?? DateOnly.MinValue, ct);
        return Redirect("/account/enterprises");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid agent, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Forbid();
        await register.RemoveAgentAsync(User.AccountId()!.Value, EnterpriseId, agent, ct);
        return Redirect("/account/enterprises");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (User.AccountId() is not { } id) return false;
        var mine = (await db.Enterprises.AsNoTracking().Where(e => e.RepresentativeId == id).OrderBy(e => e.CreatedAt).ToListAsync(ct))
            .OrderBy(e => e.Status switch { EnterpriseStatus.Verified => 0, EnterpriseStatus.Pending => 1, _ => 2 }).ToList();
        var agentIds = mine.SelectMany(e => e.Agents.Select(a => a.AccountId)).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(a => agentIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        Enterprises = mine.Select(e => new EnterpriseRow(e.Id, e.CreditCode, e.Name, e.Level, e.Status, e.RevokedReason, e.Agents
            .Select(a => new AgentRow(a.AccountId, people.GetValueOrDefault(a.AccountId)?.Name ?? "", people.GetValueOrDefault(a.AccountId)?.MaskedIdNumber ?? "", a.Scopes, a.ExpiresOn))
            .ToList())).ToList();
        return true;
    }
}
