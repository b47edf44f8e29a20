using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// ID tokens are signed with RS256, the algorithm OpenID Connect makes every relying party accept (Discovery §3; the
/// default <c>id_token_signed_response_alg</c> of Registration §2); OpenIddict would sign them with the first key, the
/// ES256 one the other tokens keep (ADR 0011).
/// </summary>
internal sealed class SignIdentityTokensWithRsa(ServerKeyRing keys) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static void Handler(OpenIddictServerBuilder server) => server.AddEventHandler<GenerateTokenContext>(h => h
        .UseSingletonHandler<SignIdentityTokensWithRsa>().SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 1));

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        if (context.TokenType == TokenTypeIdentifiers.IdentityToken) context.SigningCredentials = keys.IdentityTokenSigning;
        return default;
    }
}
