using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// How token entries are written (ADR 0011). OpenIddict writes each entry it makes in its own transaction; a refresh
/// grant made four (the used refresh token redeemed, then an entry each for the access, refresh and ID token). Here
/// the entries one sign-in makes are written together, in one transaction, when its tokens are all made and before
/// the answer leaves; and an ID token gets no entry at all: it is never presented back as a credential (a logout's
/// <c>id_token_hint</c> is checked by its signature), so there is nothing an entry would let us revoke. Redeeming the
/// presented token stays an early, separate write (<see cref="TokenChains"/>), so a reuse is caught even if the grant fails later.
/// </summary>
internal static class TokenEntries
{
    public static void Store(OpenIddictCoreBuilder core)
    {
        core.ReplaceTokenStore<OpenIddictEntityFrameworkCoreToken<Guid>, BatchingTokenStore>();
        core.Services.AddScoped<SignInBatch>();
    }

    public static void Handlers(OpenIddictServerBuilder server)
    {
        server.AddEventHandler<ProcessSignInContext>(h => h.UseScopedHandler<OpenBatch>()
            .SetOrder(OpenIddictServerHandlers.GenerateAccessToken.Descriptor.Order - 500));
        server.AddEventHandler<ProcessSignInContext>(h => h.UseScopedHandler<WriteBatch>()
            .SetOrder(OpenIddictServerHandlers.AttachCustomSignInParameters.Descriptor.Order + 500));
        server.AddEventHandler<GenerateTokenContext>(h => h.UseSingletonHandler<NoEntryForIdentityTokens>()
            .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order - 500));
    }

    /// <summary>Whether the current request is inside a sign-in whose entries are written at its end.</summary>
    internal sealed class SignInBatch
    {
        public bool Open { get; set; }
    }

    internal sealed class BatchingTokenStore(IMemoryCache cache, IOpenIddictEntityFrameworkCoreContext context,
        IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options, SignInBatch batch)
        : OpenIddictEntityFrameworkCoreTokenStore<OpenIddictEntityFrameworkCoreToken<Guid>, OpenIddictEntityFrameworkCoreApplication<Guid>,
            OpenIddictEntityFrameworkCoreAuthorization<Guid>, Guid>(cache, context, options)
    {
        public override async ValueTask CreateAsync(OpenIddictEntityFrameworkCoreToken<Guid> token, CancellationToken cancellationToken)
        {
            if (!batch.Open)
            {
                await base.CreateAsync(token, cancellationToken);
                return;
            }
            // The key is made on Add, so OpenIddict can put the entry's id in the token before it is written.
            (await Context.GetDbContextAsync(cancellationToken)).Add(token);
        }
    }

    private sealed class OpenBatch(SignInBatch batch) : IOpenIddictServerHandler<ProcessSignInContext>
    {
        public ValueTask HandleAsync(ProcessSignInContext context)
        {
            batch.Open = true;
            return default;
        }
    }

    private sealed class WriteBatch(SignInBatch batch, IOpenIddictEntityFrameworkCoreContext context) : IOpenIddictServerHandler<ProcessSignInContext>
    {
        public async ValueTask HandleAsync(ProcessSignInContext signIn)
        {
            batch.Open = false;
            await (await context.GetDbContextAsync(signIn.CancellationToken)).SaveChangesAsync(signIn.CancellationToken);
        }
    }

    private sealed class NoEntryForIdentityTokens : IOpenIddictServerHandler<GenerateTokenContext>
    {
        public ValueTask HandleAsync(GenerateTokenContext context)
        {
            if (context.TokenType == TokenTypeIdentifiers.IdentityToken) context.CreateTokenEntry = false;
            return default;
        }
    }
}
