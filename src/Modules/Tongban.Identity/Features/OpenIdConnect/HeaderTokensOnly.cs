using Microsoft.AspNetCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// Userinfo refuses an access token in the query string (RFC 6750 §2.3, RFC 9700 §4.3.2: it ends up in logs, history
/// and Referer headers); the Authorization header or, as RFC 6750 §2.2 allows, a form body carries it.
/// </summary>
internal sealed class HeaderTokensOnly : IOpenIddictServerHandler<ValidateUserInfoRequestContext>
{
    public static void Handler(OpenIddictServerBuilder server) => server.AddEventHandler<ValidateUserInfoRequestContext>(h => h
        .UseSingletonHandler<HeaderTokensOnly>().SetOrder(OpenIddictServerHandlers.UserInfo.ValidateAccessTokenParameter.Descriptor.Order - 1));

    public ValueTask HandleAsync(ValidateUserInfoRequestContext context)
    {
        if (context.Transaction.GetHttpRequest()?.Query.ContainsKey(Parameters.AccessToken) == true)
            context.Reject(Errors.InvalidRequest, "The access token must be sent in the Authorization header, not in the query string.");
        return default;
    }
}
