using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.Accounts;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Security;

namespace Tongban.Identity.Features.ManageAccounts;

internal sealed record AccountRow(Guid Id, string Name, string MaskedIdNumber, AccountKind Kind, RealNameLevel Level, string Placement, IReadOnlyList<string> Roles, bool Totp, bool Active);

internal sealed class StaffInput : StaffChangeInput
{
    public string IdNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Password { get; set; } = "";
}

/// <summary>
/// The system administrator lists accounts (ID numbers masked) and creates staff accounts with roles. An administrator
/// scoped to divisions sees and creates only staff inside that scope (<see cref="ManageStaff.Reaches"/>).
/// </summary>
[Authorize(Policy = Policies.SystemAdministrator)]
internal sealed class AccountsModel(AccountsDbContext db, ManageStaff staff) : PageModel
{
    [BindProperty]
    public StaffInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public string? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var scope = Divisions(Input.DivisionScope);
        var account = await staff.CreateAsync(new StaffRegistration(Input.IdNumber, Input.Name, Input.Phone, Input.Password,
            new StaffPlacement(Input.DepartmentCode, Input.StationKey, scope), Input.Roles), Actor.Of(User), StaffScope.Of(User), ct);
        Created = account.Name;
        Input = new StaffInput();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public static string[] Divisions(string? typed) => (typed ?? "").Split([',', '，', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private async Task LoadAsync(CancellationToken ct)
    {
        var admin = StaffScope.Of(User);
        var query = db.Users.AsNoTracking();
        if (Kind == "staff" || admin.Divisions.Count > 0) query = query.Where(a => a.Kind == AccountKind.Staff);
        else if (Kind == "citizen") query = query.Where(a => a.Kind == AccountKind.Citizen);
        var rows = query.OrderBy(a => a.Kind).ThenBy(a => a.CreatedAt)
            .Select(a => new { a.Id, a.Name, a.IdNumber, a.Kind, a.Level, a.DepartmentCode, a.StationKey, a.TwoFactorEnabled, a.DivisionScope, a.DeactivatedAt });
        // Divisions are a JSON column, so a scoped administrator's filter runs here, over staff only (a few thousand at most).
        var accounts = admin.Divisions.Count == 0 ? await rows.Take(500).ToListAsync(ct)
            : (await rows.ToListAsync(ct)).Where(a => ManageStaff.Reaches(admin, a.Kind, a.DivisionScope)).Take(500).ToList();
        var ids = accounts.Select(a => a.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        Accounts = accounts.Select(a => new AccountRow(a.Id, a.Name, ResidentIdNumber.Mask(a.IdNumber), a.Kind, a.Level, a.DepartmentCode ?? a.StationKey ?? "",
            roles.Where(r => r.UserId == a.Id).Select(r => r.Name!).ToList(), a.TwoFactorEnabled, a.DeactivatedAt is null)).ToList();
    }
}
