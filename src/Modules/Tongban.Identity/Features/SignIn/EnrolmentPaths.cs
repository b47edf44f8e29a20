using Microsoft.AspNetCore.Http;

namespace Tongban.Identity.Features.SignIn;

internal static class EnrolmentPaths
{
    private static readonly PathString[] Allowed = ["/account/security", "/account/sign-out", "/sign-in", "/css", "/preferences", "/status", "/error", "/dev/sms"];

    public static bool Allows(PathString path) => Allowed.Any(path.StartsWithSegments);
}
