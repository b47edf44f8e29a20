using Microsoft.AspNetCore.Http;

namespace Tongban.Identity.Features;

/// <summary>The address a request came from, as audit records give it.</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext? http) => http?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
