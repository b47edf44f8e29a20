using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using Tongban.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Tongban.Identity.Features.OpenIdConnect;

/// <summary>
/// <c>prompt=login</c> and <c>max_age</c> (OpenID Connect Core §3.1.2.1): whether the person's last authentication — the
/// session's sign-in or a later re-authentication — is recent enough for the request, and if not, how to come back
/// after signing in again. The way back drops <c>login</c> from <c>prompt</c> and adds a protected note of when we asked
/// (<see cref="Parameter"/>), so a sign-in after that moment satisfies the request, even <c>max_age=0</c>, without a loop.
/// </summary>
internal sealed class SignInFreshness(AccountsDbContext db, TimeProvider clock, IDataProtectionProvider protection)
{
    public const string Parameter = "tb_signed_in_after";
    private static readonly TimeSpan NoteLifetime = TimeSpan.FromMinutes(30);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Tongban.Identity.OpenIdConnect.SignInFreshness").ToTimeLimitedDataProtector();

    /// <summary>When the signed-in person last authenticated in this session; null without a session.</summary>
    public async Task<DateTimeOffset?> AuthenticatedAtAsync(ClaimsPrincipal user, CancellationToken ct) => user.SessionId() is { } session
        ? await db.Sessions.AsNoTracking().Where(s => s.Id == session).Select(s => (DateTimeOffset?)s.AuthenticatedAt).SingleOrDefaultAsync(ct)
        : null;

    /// <summary>Whether the request asks for an authentication newer than <paramref name="authenticatedAt"/>.</summary>
    public bool NeedsNewSignIn(OpenIddictRequest request, DateTimeOffset authenticatedAt)
    {
        // Back from the sign-in we sent the person to: only a sign-in since then will do.
        if (AskedAt(request) is { } asked) return authenticatedAt < asked;
        return request.HasPromptValue(PromptValues.Login) || (request.MaxAge is { } seconds && clock.GetUtcNow() - authenticatedAt > TimeSpan.FromSeconds(seconds));
    }

    /// <summary>The request's parameters for the way back from the sign-in page: <c>login</c> taken out of <c>prompt</c>, the note of now put in.</summary>
    public IEnumerable<KeyValuePair<string, string?>> WayBack(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        foreach (var (name, value) in parameters)
        {
            if (name == Parameter) continue;
            if (name != Parameters.Prompt) yield return new(name, value);
            else if (string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p != PromptValues.Login)) is { Length: > 0 } rest)
                yield return new(name, rest);
        }
        yield return new(Parameter, Protector.Protect(clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), NoteLifetime));
    }

    private DateTimeOffset? AskedAt(OpenIddictRequest request)
    {
        if (request.GetParameter(Parameter)?.ToString() is not { Length: > 0 } note) return null;
        try
        {
            return long.TryParse(Protector.Unprotect(note), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
