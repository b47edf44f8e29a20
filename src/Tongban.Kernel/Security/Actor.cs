using System.Security.Claims;

namespace Tongban.Kernel.Security;

/// <summary>Who did something, as the audit chain names them.</summary>
public static class Actor
{
    public static string Of(ClaimsPrincipal? user) =>
        user?.FindFirst(ClaimTypes.NameIdentifier)?.Value is { Length: > 0 } id ? $"user:{id}" : "anonymous";

    public static string CommandLine => $"cli:{Environment.UserName}";

    public const string System = "system";
}
