using System.Security.Claims;
using Tongban.Kernel.Errors;

namespace Tongban.Notifications.Features;

/// <summary>The account of the signed-in person, from the cookie's name identifier (the account id).</summary>
internal static class SignedInAccount
{
    /// <summary>The account id, or null for a sign-in without an account (the development sign-in, a department system).</summary>
    public static Guid? IdOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>The account id; a sign-in without an account is refused (403).</summary>
    public static Guid Of(ClaimsPrincipal user) => IdOf(user)
        ?? throw new DomainException(new DomainError("messages.account_required", "请使用个人账户登录", "Sign in with a personal account", ErrorKind.Forbidden));
}
