using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Tongban.Identity.Features.Federation;

/// <summary>
/// The parts of the <c>upstream</c> scheme's options that an administrator changes, from <see cref="UpstreamStore"/>;
/// built again whenever the store drops them. Without an upstream the scheme still needs a client id and an
/// authority to exist; nothing reaches it then, as the sign-in start answers 404.
/// </summary>
internal sealed class UpstreamHandlerOptions(UpstreamStore store, IConfiguration configuration) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name != FederationOptions.Scheme) return;
        var upstream = store.Current;
        options.Authority = upstream.IsConfigured ? upstream.Issuer : "https://upstream.invalid/";
        options.ClientId = upstream.IsConfigured ? upstream.ClientId : "unconfigured";
        options.ClientSecret = upstream.ClientSecret;
        // Plain HTTP to the upstream only with the development sign-in on (TestServer, `dotnet run`).
        options.RequireHttpsMetadata = !(upstream.AllowHttpMetadata && configuration.GetValue<bool>("Authentication:DevelopmentSignIn"));
        options.Scope.Clear();
        foreach (var scope in upstream.Scopes.Prepend("openid").Distinct(StringComparer.Ordinal)) options.Scope.Add(scope);
        options.ClaimActions.MapUniqueJsonKey(upstream.IdNumberClaim, upstream.IdNumberClaim);
        options.ClaimActions.MapUniqueJsonKey(upstream.LevelClaim, upstream.LevelClaim);
    }

    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);
}
