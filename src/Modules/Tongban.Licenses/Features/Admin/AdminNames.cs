using Microsoft.EntityFrameworkCore;
using Tongban.Licenses.Data;
using Tongban.Licenses.Domain;
using Tongban.Organization.Contracts;

namespace Tongban.Licenses.Features.Admin;

/// <summary>What the admin pages show in place of codes: license types' and departments' names.</summary>
internal sealed record AdminNames(IReadOnlyDictionary<string, LicenseType> Types, IReadOnlyDictionary<string, DepartmentInfo> Departments)
{
    public static async Task<AdminNames> LoadAsync(LicensesDbContext db, IOrganizationDirectory organization, CancellationToken ct) => new(
        await db.Types.AsNoTracking().ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, ct),
        (await organization.ListDepartmentsAsync(null, ct)).ToDictionary(d => d.CreditCode, StringComparer.Ordinal));

    /// <summary>The type's name in both languages; an unknown code reads "unknown type" (the code itself stays off the page).</summary>
    public (string Zh, string En) Type(string code) => Types.TryGetValue(code, out var t) && (t.Published ?? (t.Versions.Count > 0 ? t.Versions[^1] : null)) is { } v
        ? (v.Definition.Name, v.Definition.NameEn)
        : ("（未知证照类型）", "(unknown license type)");

    public (string Zh, string En) Authority(string code) => Departments.TryGetValue(code, out var d)
        ? (d.Name, d.NameEn ?? d.Name)
        : ("（未登记的机构）", "(unregistered authority)");

    public static (string Zh, string En) State(RejectionState state) => state switch
    {
        RejectionState.Open => ("待更正", "To be corrected"),
        RejectionState.Resolved => ("已更正并导入", "Corrected and imported"),
        _ => ("已搁置", "Set aside"),
    };
}
