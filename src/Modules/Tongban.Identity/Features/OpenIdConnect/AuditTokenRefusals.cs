using Microsoft.AspNetCore;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Tongban.Identity.Data;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// Token requests refused for a reason worth an investigation — a wrong client secret, a used or revoked refresh
/// token or code (which revokes its chain), a client without the grant — go to the audit log. Malformed requests do not.
/// </summary>
internal sealed class AuditTokenRefusals(AccountsDbContext db, TimeProvider clock) : IOpenIddictServerHandler<OpenIddictServerEvents.ApplyTokenResponseContext>
{
    private static readonly HashSet<string> OfNote = [Errors.InvalidClient, Errors.InvalidGrant, Errors.UnauthorizedClient];

    public async ValueTask HandleAsync(OpenIddictServerEvents.ApplyTokenResponseContext context)
    {
        if (context.Error is not { } error || !OfNote.Contains(error)) return;
        var client = context.Request?.ClientId ?? "unknown";
        var address = context.Transaction.GetHttpRequest()?.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        db.Audit(new AuditRecord($"client:{client}", "identity.token_refused", $"client:{client}",
            $"{context.Request?.GrantType}: {error} ({context.Response.ErrorDescription}) from {address}", clock.GetUtcNow()));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
