using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Web.Tests.Security;

/// <summary>
/// The test server has no network, so no client address: this puts the one a test names (header
/// <see cref="Header"/>) on the connection before the host's own pipeline, as if the request came from there.
/// </summary>
internal static class ClientAddresses
{
    public const string Header = "X-Test-Peer";

    private static int _next;

    /// <summary>A fresh address (of the test network 198.18.0.0/15), one per caller.</summary>
    public static string Next()
    {
        var n = Interlocked.Increment(ref _next);
        return $"198.18.{n / 250}.{n % 250 + 1}";
    }

    public static void Use(IServiceCollection services) => services.AddTransient<IStartupFilter, FromHeader>();

    /// <summary>A client of <paramref name="app"/> speaking from <paramref name="address"/>.</summary>
    public static HttpClient From(this TongbanApp app, string address)
    {
        var client = app.Browser();
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class FromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address)) context.Connection.RemoteIpAddress = IPAddress.Parse(address!);
                return following(context);
            });
            next(app);
        };
    }
}
