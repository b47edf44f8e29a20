using Microsoft.EntityFrameworkCore;
using Tongban.Catalog.Contracts;
using Tongban.Catalog.Data;
using Tongban.Catalog.Domain;
using Tongban.Kernel.Time;

namespace Tongban.Catalog.Features.FindApplicableItem;

/// <summary>The item as an application takes it: the version in effect today of an item that accepts applications.</summary>
internal sealed class ServiceItems(CatalogDbContext db, RegionClock clock) : IServiceItems
{
    public async Task<ApplicableItem?> FindApplicableAsync(string implementationCode, CancellationToken cancellationToken)
    {
        var code = implementationCode?.Trim() ?? "";
        var item = await db.Items.AsNoTracking().Include(i => i.Versions).SingleOrDefaultAsync(i => i.ImplementationCode == code, cancellationToken);
        if (item is not { AcceptsApplications: true } || item.EffectiveOn(clock.Today) is not { } version) return null;
        var e = version.Elements;
        return new ApplicableItem(
            item.ImplementationCode, e.Name, version.Number, e.DepartmentCreditCode, e.DivisionCode, e.PromisedLimit ?? 0, e.StatutoryLimit,
            e.Trips ?? 0, e.RealNameLevel ?? 1, e.Subjects.HasFlag(Subjects.Person), e.Subjects.HasFlag(Subjects.LegalPerson),
            [.. e.Materials.Select((m, i) => new ApplicableMaterial(
                e.MaterialKey(i), m.Name, m.Requirement == Requirement.Required, m.Condition, m.Tolerable, m.RegistryFact, m.LicenseType))],
            [.. e.EffectiveProcess.Select(s => new ProcessStep(s.Key, s.NameZh, s.NameEn, s.Role))],
            e.Form);
    }
}
