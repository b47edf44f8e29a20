using System.Net;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Tongban.Web.Shell;

namespace Tongban.Web.Hosting;

/// <summary>Section <c>Https</c>.</summary>
public sealed class HttpsOptions
{
    public const string Section = "Https";

    /// <summary>
    /// Plain HTTP is redirected to HTTPS, answers carry HSTS, and every cookie is Secure. On in appsettings.json;
    /// appsettings.Development.json and the test host turn it off. The HTTPS port of the redirect is ASP.NET Core's
    /// <c>HTTPS_PORT</c> (or Kestrel's https endpoint).
    /// </summary>
    public bool Require { get; set; } = true;
}

/// <summary>
/// Section <c>ForwardedHeaders</c>: behind a reverse proxy or load balancer, the client's address and scheme come from
/// its X-Forwarded-For and X-Forwarded-Proto, and only when the request comes from one of these proxies. Off by default.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies live in, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a row to believe (the last ones before this instance).</summary>
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>HTTPS, HSTS, Secure cookies, the security headers, the client address behind a proxy, no Server header.</summary>
public static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var https = configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        services.Configure<HttpsOptions>(configuration.GetSection(HttpsOptions.Section));
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        // One place for every cookie: session, antiforgery, language and display, the upstream sign-in's.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = https.Require ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = HttpOnlyPolicy.Always;
        });
        services.Configure<ForwardedHeadersOptions>(o => Configure(o, configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions()));
        return services;
    }

    /// <summary>First in the pipeline: the proxy's headers are read before anyone looks at the address or scheme.</summary>
    public static WebApplication UseTransportSecurity(this WebApplication app)
    {
        var https = app.Configuration.GetSection(HttpsOptions.Section).Get<HttpsOptions>() ?? new HttpsOptions();
        if (app.Configuration.GetValue<bool>($"{ProxyOptions.Section}:{nameof(ProxyOptions.Enabled)}")) app.UseForwardedHeaders();
        app.UseSecurityHeaders(strictTransport: https.Require);
        // Health probes and the metrics scraper stay on plain HTTP inside the network.
        if (https.Require)
            app.UseWhen(c => !c.Request.Path.StartsWithSegments("/health") && !c.Request.Path.StartsWithSegments("/metrics"), a => a.UseHttpsRedirection());
        app.UseCookiePolicy();
        return app;
    }

    private static void Configure(ForwardedHeadersOptions options, ProxyOptions proxies)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = proxies.ForwardLimit;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        if (!proxies.Enabled) return;
        // With no proxy named, ASP.NET Core would believe the headers from anyone: a client could choose its own address.
        if (proxies.KnownProxies.Count == 0 && proxies.KnownNetworks.Count == 0)
            throw new InvalidOperationException("ForwardedHeaders:Enabled needs ForwardedHeaders:KnownProxies or ForwardedHeaders:KnownNetworks (docs/operations.md).");
        foreach (var proxy in proxies.KnownProxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in proxies.KnownNetworks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }
}
