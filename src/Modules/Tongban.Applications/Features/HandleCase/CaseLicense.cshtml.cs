using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tongban.Applications.Contracts;
using Tongban.Applications.Domain;
using Tongban.Applications.Features.ViewCase;
using Tongban.Applications.Features.Workbench;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Applications.Features.HandleCase;

/// <summary>
/// The face of a license attached to a case, as staff who may see the case open it: read through the license library
/// now (seal and status today, beside what was found when it was used), the opening recorded in its use log with the
/// staff member, the case's department and the case as purpose. Another case's material, or no license: not found.
/// </summary>
[Authorize(Roles = WorkbenchModel.CaseRoleList)]
internal sealed class CaseLicenseModel(CaseReader reader, IEnumerable<ILicenseMaterials> libraries) : PageModel
{
    public Case Case { get; private set; } = null!;
    public CaseMaterial Material { get; private set; } = null!;
    public LicenseMaterial Used { get; private set; } = null!;
    public LicenseFaceView Now { get; private set; } = null!;

    public async Task OnGetAsync(string number, string key, CancellationToken ct)
    {
        Case = await reader.InScopeAsync(number, CaseReader.OversightScope(User), tracking: false, ct);
        var provided = Case.Provided.FirstOrDefault(p => p.Key == key && p.Source == MaterialSource.License);
        if (provided?.License is not { } used || libraries.FirstOrDefault() is not { } library) throw new DomainException(DomainError.NotFound("该电子证照", "The license"));
        (Material, Used) = (Case.Materials.First(m => m.Key == key), used);
        Now = await library.OpenForCaseAsync(provided.Reference, new LicenseUseBy(Actor.Of(User), Case.DepartmentCreditCode, $"审查办件{Case.Number}：{Material.Name}"), ct);
    }
}
