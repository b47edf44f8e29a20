using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// OpenIddict's server handler is an authentication request handler, so ASP.NET Core's authentication middleware
/// offers it every request, and it walks its list of event handlers before finding the request is not one of its
/// endpoints — about 4 % of the CPU of an exchange call. This provider offers it only the requests under the server's
/// endpoint paths (<c>/connect/…</c>, <c>/.well-known/…</c>). Every other scheme sees every request as before; OpenIddict's
/// validation handler must, as its request step attaches the state its token validation reads later.
/// </summary>
internal sealed class EndpointScopedSchemes(IOptions<AuthenticationOptions> options, IHttpContextAccessor http, IOptions<OpenIddictServerOptions> server)
    : AuthenticationSchemeProvider(options)
{
    private readonly Lazy<PathString[]> _endpointRoots = new(() => EndpointRoots(server.Value));
    private Filtered? _filtered;

    public override async Task<IEnumerable<AuthenticationScheme>> GetRequestHandlerSchemesAsync()
    {
        var all = await base.GetRequestHandlerSchemesAsync();
        if (http.HttpContext?.Request.Path is not { } path || _endpointRoots.Value.Any(root => path.StartsWithSegments(root, StringComparison.OrdinalIgnoreCase)))
            return all;
        // The base class hands out the same array until a scheme is added or removed; filter it once per array.
        var filtered = Volatile.Read(ref _filtered);
        if (filtered is null || !ReferenceEquals(filtered.All, all))
            Volatile.Write(ref _filtered, filtered = new Filtered(all, [.. all.Where(s => s.HandlerType != typeof(OpenIddictServerAspNetCoreHandler))]));
        return filtered.Others;
    }

    private sealed record Filtered(IEnumerable<AuthenticationScheme> All, AuthenticationScheme[] Others);

    /// <summary>The first segment of every endpoint the server answers (its <c>…EndpointUris</c> lists, whatever this version names them).</summary>
    private static PathString[] EndpointRoots(OpenIddictServerOptions options) =>
    [
        .. typeof(OpenIddictServerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name.EndsWith("EndpointUris", StringComparison.Ordinal) && typeof(IEnumerable<Uri>).IsAssignableFrom(p.PropertyType))
            .SelectMany(p => (IEnumerable<Uri>)p.GetValue(options)!)
            .Select(uri => (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString).Trim('/').Split('/')[0])
            .Where(segment => segment.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(segment => new PathString("/" + segment)),
    ];
}
