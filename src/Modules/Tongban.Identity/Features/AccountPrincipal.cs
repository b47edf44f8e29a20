using System.Security.Claims;
using Tongban.Identity.Features.SignIn;

namespace Tongban.Identity.Features;

internal static class AccountPrincipal
{
    /// <summary>The signed-in account's id; null for a development sign-in, which has no account.</summary>
    public static Guid? AccountId(this ClaimsPrincipal user) =>
        user.FindFirst(AccountClaims.Session) is not null && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static Guid? SessionId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(AccountClaims.Session), out var id) ? id : null;
}
