using System.Collections.Immutable;
using OpenIddict.Abstractions;
using Tongban.Identity.Data;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>A person's consent to a client: an OpenIddict permanent authorization with its scopes, given once and remembered (ADR 0011).</summary>
internal sealed class Consents(IOpenIddictAuthorizationManager authorizations, AccountsDbContext db, TimeProvider clock)
{
    /// <summary>The id of a valid consent of this person to this client covering the scopes, or null.</summary>
    public async Task<string?> FindAsync(Account account, string applicationId, ImmutableArray<string> scopes, CancellationToken ct)
    {
        await foreach (var existing in authorizations.FindAsync(account.Id.ToString(), applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes, ct))
            return await authorizations.GetIdAsync(existing, ct);
        return null;
    }

    /// <summary>Records the consent (audited) and returns its id.</summary>
    public async Task<string> GiveAsync(Account account, string applicationId, string clientId, ImmutableArray<string> scopes, CancellationToken ct)
    {
        var identity = AccountPrincipals.For(account, scopes, null, null).Identities.Single();
        var authorization = await authorizations.CreateAsync(identity, account.Id.ToString(), applicationId, AuthorizationTypes.Permanent, scopes, ct);
        db.Audit(new AuditRecord($"account:{account.Id}", "identity.consent_given", $"account:{account.MaskedIdNumber}",
            $"client {clientId}: {string.Join(' ', scopes)}", clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        return (await authorizations.GetIdAsync(authorization, ct))!;
    }
}
