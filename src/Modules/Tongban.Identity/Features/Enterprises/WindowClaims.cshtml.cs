using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.VerifyInPerson;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Features.Enterprises;

internal sealed record ClaimRow(Guid Id, string CreditCode, string Name, string Claimant, EnterpriseStatus Status, DateTimeOffset FiledAt, string? RevokedReason);

/// <summary>
/// At a window or station (clerk, station agent): the enterprise claims the legal-entity registry could not prove, to
/// verify after seeing the business licence and the claimant's ID card; and, by credit code, every claim to an enterprise,
/// to revoke a wrongly held one with a reason (<see cref="EnterpriseClaims"/>). Claimants' ID numbers are shown masked.
/// </summary>
[Authorize(Policy = VerifyInPersonModel.Policy)]
internal sealed class WindowClaimsModel(AccountsDbContext db, EnterpriseClaims claims) : PageModel
{
    private const int Shown = 100;

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public IReadOnlyList<ClaimRow> Claims { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(ct);
        await claims.VerifyAtWindowAsync(id, Actor.Of(User), ct);
        return Redirect(Back());
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(ct);
        await claims.RevokeAtWindowAsync(id, Actor.Of(User), Reason, ct);
        return Redirect(Back());
    }

    private string Back() => "/admin/identity/enterprise-claims" + (string.IsNullOrWhiteSpace(Code) ? "" : "?code=" + Uri.EscapeDataString(Code.Trim().ToUpperInvariant()));

    private async Task LoadAsync(CancellationToken ct)
    {
        var code = Code?.Trim().ToUpperInvariant();
        var query = db.Enterprises.AsNoTracking();
        query = string.IsNullOrEmpty(code) ? query.Where(e => e.Status == EnterpriseStatus.Pending) : query.Where(e => e.CreditCode == code);
        var rows = await query.OrderByDescending(e => e.CreatedAt).Take(Shown).ToListAsync(ct);
        var ids = rows.Select(r => r.RepresentativeId).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        Claims = [.. rows.Select(e => new ClaimRow(e.Id, e.CreditCode, e.Name,
            people.GetValueOrDefault(e.RepresentativeId) is { } p ? $"{p.Name}（{p.MaskedIdNumber}）" : "", e.Status, e.CreatedAt, e.RevokedReason))];
    }
}
