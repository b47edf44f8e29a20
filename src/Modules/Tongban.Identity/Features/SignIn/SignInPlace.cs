using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tongban.Identity.Features.SignIn;

/// <summary>
/// Where a sign-in comes from, to tell a new device or place (ASVS 6.3.5): the browser, by a long-lived random cookie
/// set at its first sign-in (kept only hashed, in the session row), and the client's network — the IPv4 /24 or IPv6 /48
/// around its address, never the full address (the audit log has that).
/// </summary>
internal sealed record SignInPlace(string Device, string Network)
{
    public const string DeviceCookie = "tongban.device";
    private static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(400);

    /// <summary>This request's place; a browser without the device cookie gets one.</summary>
    public static SignInPlace Of(HttpContext http)
    {
        if (http.Request.Cookies[DeviceCookie] is not { Length: 32 } device)
        {
            device = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            http.Response.Cookies.Append(DeviceCookie, device, new CookieOptions
            {
                HttpOnly = true, Secure = http.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = CookieLifetime, IsEssential = true, Path = "/",
            });
        }
        return new SignInPlace(Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(device))), NetworkOf(http.Connection.RemoteIpAddress));
    }

    public static string NetworkOf(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        var kept = address.AddressFamily == AddressFamily.InterNetwork ? 3 : 6;
        for (var i = kept; i < bytes.Length; i++) bytes[i] = 0;
        return $"{new IPAddress(bytes)}/{kept * 8}";
    }
}
