using Tongban.Kernel.Localization;

namespace Tongban.Identity.Features.Sessions;

/// <summary>
/// A browser's user-agent string as a person recognises their device: the browser and the system (Chrome · Android), not
/// the raw string. Order matters: Edge and WeChat announce themselves beside Chrome, Chrome beside Safari.
/// </summary>
internal static class DeviceNames
{
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("MicroMessenger", "微信"), ("AlipayClient", "支付宝"), ("Edg/", "Edge"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Mac OS X", "macOS"), ("HarmonyOS", "HarmonyOS"), ("Linux", "Linux"),
    ];

    public static string Describe(string userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent)) return Text.T("未知设备", "Unknown device");
        var browser = Array.Find(Browsers, b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name ?? Text.T("浏览器", "A browser");
        var system = Array.Find(Systems, s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return system is null ? browser : $"{browser} · {system}";
    }
}
