using System.Security.Claims;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Security;

namespace Tongban.Sharing.Domain;

/// <summary>
/// Who acts in the sharing module and for which department (<see cref="StaffScope.DepartmentCode"/>). A data
/// administrator of a department registers, requests and decides for that department only; one without a
/// department (only the development sign-in makes one: real staff have a department or station) acts for all.
/// </summary>
internal sealed record SharingActor(string Name, string? Department)
{
    public static SharingActor Of(ClaimsPrincipal user) => new(Actor.Of(user), StaffScope.Of(user).DepartmentCode);

    public bool ActsFor(string departmentCode) => Department is null || Department == departmentCode;

    /// <summary>Whether the actor sees a request or grant: as its provider or as its consumer.</summary>
    public bool Sees(string providerCode, string consumerCode) => ActsFor(providerCode) || ActsFor(consumerCode);

    /// <summary>Refuses acting for another department: the department is known to whoever names it, so this is a 403, not a 404.</summary>
    public void RequireActsFor(string departmentCode, string field)
    {
        if (!ActsFor(departmentCode))
            throw new DomainException(new DomainError("sharing.other_department", "只能以本部门的名义登记、申请或审批",
                "You may register, request and decide only for your own department", ErrorKind.Forbidden, field));
    }

    /// <summary>Only the provider decides on a request or revokes a grant; whoever sees it as its consumer is told so.</summary>
    public void RequireProvider(string providerCode)
    {
        if (!ActsFor(providerCode))
            throw new DomainException(new DomainError("sharing.not_provider", "只有资源提供部门可以审批申请或收回授权",
                "Only the resource's provider decides on requests and revokes grants", ErrorKind.Forbidden));
    }
}
