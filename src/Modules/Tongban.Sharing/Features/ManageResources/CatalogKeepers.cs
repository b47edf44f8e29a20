using Microsoft.Extensions.Options;
using Tongban.Kernel.Errors;
using Tongban.Sharing.Domain;

namespace Tongban.Sharing.Features.ManageResources;

/// <summary>
/// Who reviews and publishes the catalog: data administrators of the catalog department
/// (<see cref="SharingOptions.CatalogDepartment"/>), and those without a department. They see every
/// department's resources; registering, requesting and deciding stay with each department.
/// </summary>
internal sealed class CatalogKeepers(IOptions<SharingOptions> options)
{
    public bool Include(SharingActor actor) => actor.Department is null || actor.Department == options.Value.CatalogDepartment;

    /// <summary>Whether the actor may open the resource: its provider or a catalog keeper.</summary>
    public bool See(SharingActor actor, string providerCode) => Include(actor) || actor.ActsFor(providerCode);

    public void Require(SharingActor actor)
    {
        if (!Include(actor))
            throw new DomainException(new DomainError("resource.review_by_catalog_keeper", "资源目录由大数据主管部门审核发布，部门数据管理员不能审核",
                "The catalog department (the big-data bureau) reviews and publishes catalog entries; a department's data administrator cannot", ErrorKind.Forbidden));
    }
}
