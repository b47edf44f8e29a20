using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using Tongban.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;
using static OpenIddict.Server.OpenIddictServerHandlers;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// A code or refresh token is redeemed once (RFC 9700 §4.14, RFC 6749 §4.1.2), and a second presentation revokes its
/// chain: the authorization (the person's consent to the client) and every token of it (ADR 0011).
/// <para>
/// OpenIddict's own redemption tolerates a lost race on a refresh token (two concurrent requests may both get tokens),
/// and its reuse detection revokes only the token entries that exist at that moment — a racing winner's entries,
/// written when its sign-in ends, come later and stay valid. So its two handlers are replaced: <see cref="RedeemOnce"/>
/// redeems with one conditional update (only a still-valid entry becomes redeemed; the loser of a race revokes the
/// chain and is refused), and <see cref="CheckEntry"/> refuses a token whose entry is not valid, revoking the chain of
/// a redeemed one. <see cref="RevokeAsync"/> revokes the authorization with the tokens: every token validation checks the
/// authorization's status, so a token made after the revocation is dead from its first use.
/// </para>
/// </summary>
internal static class TokenChains
{
    /// <summary>Revokes the authorization and every token of it; returns how many tokens were revoked.</summary>
    public static async Task<int> RevokeAsync(DbContext db, Guid authorization, CancellationToken ct)
    {
        await db.Set<OpenIddictEntityFrameworkCoreAuthorization<Guid>>().Where(a => a.Id == authorization && a.Status != Statuses.Revoked)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, Statuses.Revoked).SetProperty(a => a.ConcurrencyToken, Guid.NewGuid().ToString()), ct);
        return await db.Set<OpenIddictEntityFrameworkCoreToken<Guid>>()
            .Where(t => EF.Property<Guid?>(t, "AuthorizationId") == authorization && t.Status != Statuses.Revoked)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, Statuses.Revoked), ct);
    }

    public static void Handlers(OpenIddictServerBuilder server)
    {
        server.RemoveEventHandler(RedeemTokenEntry.Descriptor);
        server.AddEventHandler<ProcessSignInContext>(h => h.UseScopedHandler<RedeemOnce>().SetOrder(RedeemTokenEntry.Descriptor.Order));
        server.RemoveEventHandler(Protection.ValidateTokenEntry.Descriptor);
        server.AddEventHandler<ValidateTokenContext>(h => h.AddFilter<OpenIddictServerHandlerFilters.RequireTokenIdResolved>()
            .UseScopedHandler<CheckEntry>().SetOrder(Protection.ValidateTokenEntry.Descriptor.Order));
    }

    /// <summary>
    /// In place of OpenIddict's <c>RedeemTokenEntry</c>, at the same early point of a token request's sign-in (so the entry
    /// is redeemed even if the grant fails later): the presented code's or refresh token's entry becomes redeemed only
    /// if it is still valid. If another request got there first, the chain is revoked and this one refused.
    /// </summary>
    internal sealed class RedeemOnce(AccountsDbContext db) : IOpenIddictServerHandler<ProcessSignInContext>
    {
        public async ValueTask HandleAsync(ProcessSignInContext context)
        {
            if (context.EndpointType != OpenIddictServerEndpointType.Token || context.Request is not { } request
                || !(request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())) return;
            var authentication = context.Transaction.GetProperty<ProcessAuthenticationContext>(typeof(ProcessAuthenticationContext).FullName!)
                ?? throw new InvalidOperationException("The token request was not authenticated.");
            var principal = request.IsAuthorizationCodeGrantType() ? authentication.AuthorizationCodePrincipal : authentication.RefreshTokenPrincipal;
            if (!Guid.TryParse(principal?.GetTokenId(), out var entry)) return;

            var now = (context.Options.TimeProvider?.GetUtcNow() ?? DateTimeOffset.UtcNow).UtcDateTime;
            var redeemed = await db.Set<OpenIddictEntityFrameworkCoreToken<Guid>>().Where(t => t.Id == entry && t.Status == Statuses.Valid)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, Statuses.Redeemed).SetProperty(t => t.RedemptionDate, now)
                    .SetProperty(t => t.ConcurrencyToken, Guid.NewGuid().ToString()), context.CancellationToken);
            if (redeemed == 1) return;
            if (Guid.TryParse(principal!.GetAuthorizationId(), out var authorization)) await RevokeAsync(db, authorization, context.CancellationToken);
            context.Reject(Errors.InvalidGrant, "The specified token has already been redeemed.");
        }
    }

    /// <summary>
    /// In place of OpenIddict's <c>ValidateTokenEntry</c>: a token is good only while its entry is valid. A redeemed entry
    /// presented again revokes its chain (zero leeway, ADR 0011); an entry that is gone (its client deleted) refuses the
    /// token instead of failing the request.
    /// </summary>
    internal sealed class CheckEntry(IOpenIddictTokenManager tokens, AccountsDbContext db) : IOpenIddictServerHandler<ValidateTokenContext>
    {
        public async ValueTask HandleAsync(ValidateTokenContext context)
        {
            var token = await tokens.FindByIdAsync(context.TokenId!, context.CancellationToken);
            if (token is not null && await tokens.HasStatusAsync(token, Statuses.Valid, context.CancellationToken)) return;
            if (token is not null && await tokens.HasStatusAsync(token, Statuses.Redeemed, context.CancellationToken)
                && Guid.TryParse(context.AuthorizationId, out var authorization))
                await RevokeAsync(db, authorization, context.CancellationToken);
            context.Reject(Errors.InvalidToken, "The specified token is no longer valid.");
        }
    }
}
