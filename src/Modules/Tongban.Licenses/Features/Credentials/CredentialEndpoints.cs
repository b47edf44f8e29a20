using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Licenses.Data;
using Tongban.Licenses.Features.VerifyLicense;
using Tongban.Licenses.Signing;

namespace Tongban.Licenses.Features.Credentials;

/// <summary>
/// Offline verification: the holder's download of a license as a vc+jwt, and what a verifier fetches to check one —
/// the issuer's JWK set and its status lists (public, cacheable for the list's ttl).
/// </summary>
internal static class CredentialEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/my/licenses/{identifier}/credential", async (string identifier, HttpContext http, Wallet.Wallet wallet, LicenseCredential credentials,
                IOptions<LicensesOptions> options, CancellationToken ct) =>
            {
                var license = await wallet.OpenAsync(await wallet.HolderAsync(http.User, ct), identifier, ct);
                var jwt = await credentials.IssueAsync(license, QrCodes.Origin(http.Request, options.Value), ct);
                return Results.File(System.Text.Encoding.ASCII.GetBytes(jwt), Jws.MediaType, $"{license.License.Identifier}.jwt");
            })
            .RequireAuthorization().ExcludeFromDescription();
        endpoints.MapGet("/licenses/issuers/{issuer}/jwks.json", async (string issuer, HttpRequest request, LicensesDbContext db, IOptions<LicensesOptions> options, CancellationToken ct) =>
            {
                if (!IsCode(issuer)) return Results.NotFound();
                var keys = await db.SealKeys.AsNoTracking().Where(k => k.Authority == issuer && k.Purpose == KeyPurpose.Credential).OrderBy(k => k.CreatedAt).ToListAsync(ct);
                if (keys.Count == 0) return Results.NotFound();
                var origin = QrCodes.Origin(request, options.Value);
                var set = new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => Jws.Jwk(k.PublicKey, CredentialIds.Kid(origin, k)))]) };
                return Results.Text(set.ToJsonString(), "application/jwk-set+json");
            })
            .AllowAnonymous().WithTags("Licenses").WithSummary("An issuing authority's credential keys (ES256) as a JWK set, retired keys included");
        endpoints.MapGet("/licenses/issuers/{issuer}/status/{purpose}", async (string issuer, string purpose, HttpContext http, StatusLists lists,
                IOptions<LicensesOptions> options, CancellationToken ct) =>
            {
                var jwt = IsCode(issuer) ? await lists.CredentialAsync(QrCodes.Origin(http.Request, options.Value), issuer, purpose, ct) : null;
                if (jwt is null) return Results.NotFound();
                http.Response.Headers.CacheControl = $"public, max-age={StatusLists.TtlMs / 1000}";
                return Results.Text(jwt, Jws.MediaType);
            })
            .AllowAnonymous().WithTags("Licenses").WithSummary("An issuing authority's Bitstring Status List credential (revocation or suspension) as a vc+jwt");
    }

    private static bool IsCode(string text) => text.Length is > 0 and <= 32 && text.All(char.IsAsciiLetterOrDigit);
}
