using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Kernel.Security;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.Admin;

/// <summary>The license catalog (证照目录) for its administrators: every type, published or not, searched by name, code or department.</summary>
[Authorize(Policy = Policies.LicenseAdministrator)]
internal sealed class TypesModel(ManageTypes.ManageTypes manage, LicensesDbContext db, IOrganizationDirectory organization) : PageModel
{
    public IReadOnlyList<LicenseType> Types { get; private set; } = [];
    public AdminNames Names { get; private set; } = null!;

    [FromQuery(Name = "q")] public string? Query { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Names = await AdminNames.LoadAsync(db, organization, ct);
        var q = (Query ?? "").Trim();
        Types = [.. (await manage.ListAsync(ct)).Where(t => q.Length == 0 || Matches(t, q))
            .OrderBy(t => Latest(t).Definition.Name, StringComparer.Ordinal)];
    }

    /// <summary>The version a list shows: the published one, else the one being drafted.</summary>
    public static LicenseTypeVersion Latest(LicenseType type) => type.Published ?? type.Versions[^1];

    /// <summary>The department that defines the type, by its registered name when the definition names one by credit code.</summary>
    public (string Zh, string En) Defining(TypeDefinition d) => Names.Departments.TryGetValue(d.DefiningDepartment, out var dept)
        ? (dept.Name, dept.NameEn ?? dept.Name) : (d.DefiningDepartment, d.DefiningDepartment);

    private bool Matches(LicenseType type, string q)
    {
        var d = Latest(type).Definition;
        return type.Code.Contains(q, StringComparison.OrdinalIgnoreCase) || d.Name.Contains(q, StringComparison.Ordinal)
            || d.NameEn.Contains(q, StringComparison.OrdinalIgnoreCase) || Defining(d).Zh.Contains(q, StringComparison.Ordinal)
            || d.IssuingAuthorities.Any(a => Names.Authority(a).Zh.Contains(q, StringComparison.Ordinal));
    }
}
