using System.Security.Claims;
using Tongban.Kernel.Security;
using Tongban.Licenses.Domain;

namespace Tongban.Licenses.Features;

internal static class Officers
{
    /// <summary>The signed-in license administrator acting for their department (the issuing authority they may act for).</summary>
    public static LicenseOfficer Of(ClaimsPrincipal user) => new(Actor.Of(user), StaffScope.Of(user).DepartmentCode);
}
