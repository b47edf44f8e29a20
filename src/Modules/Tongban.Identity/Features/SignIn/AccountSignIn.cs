using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.Accounts;
using Tongban.Identity.Features.Sessions;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.PersonalData;
using Tongban.Kernel.Time;

namespace Tongban.Identity.Features.SignIn;

internal enum FirstFactorOutcome
{
    SignedIn,
    NeedsAuthenticatorCode,
    MustEnrolAuthenticator,
}

/// <summary>
/// Signing in: a first factor (password or SMS code), then for staff the authenticator code, then a cookie bound
/// to a row in the session table. Failures count towards the escalating lock; the message never tells an unknown
/// account from a wrong password.
/// </summary>
internal sealed class AccountSignIn(AccountsDbContext db, UserManager<Account> users, SessionStore sessions, RegionClock clock,
    IOptions<IdentityModuleOptions> options, IHttpContextAccessor http)
{
    private string Address() => ClientAddress.Of(http.HttpContext);

    /// <summary>An account by ID number or mobile phone number.</summary>
    public async Task<Account?> FindAsync(string? login, CancellationToken ct)
    {
        var value = (login ?? "").Trim().ToUpperInvariant();
        if (value.Length == 18) return await db.Users.WhereMatches(a => a.IdNumber, value).SingleOrDefaultAsync(ct);
        var phone = PhoneNumbers.Normalize(value);
        return phone is null ? null : await db.Users.WhereMatches(a => a.PhoneNumber, phone).SingleOrDefaultAsync(ct);
    }

    public Task<Account?> FindByIdAsync(Guid id, CancellationToken ct) => db.Users.SingleOrDefaultAsync(a => a.Id == id, ct);

    public async Task<Account> CheckPasswordAsync(string? login, string? password, CancellationToken ct)
    {
        var account = await FindAsync(login, ct);
        var now = clock.UtcNow;
        if (account is null)
        {
            // Spend the same time as a real check, so timing does not tell an unknown account either.
            users.PasswordHasher.HashPassword(null!, password ?? "");
            await RecordUnknownAsync(login, now, ct);
            throw SignInErrors.Failed();
        }
        // The hash is checked even for a locked or deactivated account, so the answer takes as long as a wrong password's.
        var passwordGood = await users.CheckPasswordAsync(account, password ?? "");
        if (account.IsLocked(now) || !account.IsActive || !passwordGood)
        {
            await RecordFailureAsync(account, now, ct);
            throw SignInErrors.Failed();
        }
        return account;
    }

    /// <summary>
    /// Audits a failed attempt; it counts towards the lock unless the account is locked or deactivated already
    /// (those attempts are audited with the reason, and change nothing).
    /// </summary>
    public async Task RecordFailureAsync(Account account, DateTimeOffset now, CancellationToken ct)
    {
        var reason = !account.IsActive ? ", deactivated" : account.IsLocked(now) ? ", while locked" : "";
        var lockedUntil = reason.Length == 0 ? account.RecordFailedSignIn(now) : null;
        db.Audit(new AuditRecord($"account:{account.Id}", lockedUntil is null ? "identity.sign_in_failed" : "identity.locked_out",
            $"account:{account.MaskedIdNumber}", $"from {Address()}{reason}" + (lockedUntil is null ? "" : $", until {lockedUntil:O}"), now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An attempt for no account: audited under the login as typed, masked (an ID number or a phone number).</summary>
    public async Task RecordUnknownAsync(string? login, DateTimeOffset now, CancellationToken ct)
    {
        var value = (login ?? "").Trim();
        var masked = value.Length == 18 ? Kernel.Identifiers.ResidentIdNumber.Mask(value) : PhoneNumbers.Mask(PhoneNumbers.Normalize(value));
        db.Audit(new AuditRecord(Actor.Anonymous, "identity.sign_in_failed", $"login:{(masked.Length > 0 ? masked : "?")}", $"from {Address()}, unknown account", now));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>After the first factor: a citizen is signed in; staff go on to the authenticator, or enrol one first.</summary>
    public async Task<FirstFactorOutcome> AfterFirstFactorAsync(Account account, HttpContext http, CancellationToken ct)
    {
        await RequireActiveAsync(account, ct);
        if (account.Kind != AccountKind.Staff)
        {
            await SignInAsync(account, http, ct);
            return FirstFactorOutcome.SignedIn;
        }
        if (await users.GetTwoFactorEnabledAsync(account)) return FirstFactorOutcome.NeedsAuthenticatorCode;
        await SignInAsync(account, http, ct, enrolmentOnly: true);
        return FirstFactorOutcome.MustEnrolAuthenticator;
    }

    /// <summary>An authenticator code, once only (a replayed one is refused); a wrong one counts towards the lock.</summary>
    public async Task<bool> CheckAuthenticatorCodeAsync(Account account, string? code, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var key = await users.GetAuthenticatorKeyAsync(account) ?? "";
        if (!account.IsLocked(now) && account.UseAuthenticatorCode(key, code, now))
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        await RecordFailureAsync(account, now, ct);
        return false;
    }

    /// <summary>A deactivated account gets the one failure message, whatever factor it passed.</summary>
    private async Task RequireActiveAsync(Account account, CancellationToken ct)
    {
        if (account.IsActive) return;
        await RecordFailureAsync(account, clock.UtcNow, ct);
        throw SignInErrors.Failed();
    }

    /// <summary>
    /// Issues the cookie: roles as role claims (they back the policies of <c>Policies</c>), bound to a new session; a sign-in
    /// from a new device or network is told to the person (<see cref="UnfamiliarSignIns"/>).
    /// </summary>
    public async Task SignInAsync(Account account, HttpContext http, CancellationToken ct, bool enrolmentOnly = false)
    {
        await RequireActiveAsync(account, ct);
        var now = clock.UtcNow;
        var idle = account.Kind == AccountKind.Staff ? options.Value.StaffIdleTimeout : options.Value.CitizenIdleTimeout;
        account.RecordSignIn();
        var place = SignInPlace.Of(http);
        var unfamiliar = await UnfamiliarSignIns.NoticeAsync(db, account.Id, place, now, clock.LocalNow, ct);
        var session = SignInSession.Start(account.Id, http.Request.Headers.UserAgent, idle, now, place.Device, place.Network);
        db.Sessions.Add(session);
        db.Audit(new AuditRecord($"account:{account.Id}", "identity.signed_in", $"account:{account.MaskedIdNumber}",
            $"from {Address()}" + (enrolmentOnly ? ", authenticator enrolment" : "") + unfamiliar, now));
        await db.SaveChangesAsync(ct);

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.Name),
            new(AccountClaims.Session, session.Id.ToString()),
            new(AccountClaims.Kind, account.Kind.ToString()),
            new(AccountClaims.Level, ((int)account.Level).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        claims.AddRange(account.DivisionScope.Select(d => new Claim(StaffClaims.Division, d)));
        if (account.DepartmentCode is { } department) claims.Add(new Claim(StaffClaims.Department, department));
        if (account.StationKey is { } station) claims.Add(new Claim(StaffClaims.Station, station));
        var changePassword = await PasswordChangeRequired.IsSetAsync(users, account);
        if (enrolmentOnly) claims.Add(new Claim(AccountClaims.EnrolTotp, "true"));
        if (changePassword) claims.Add(new Claim(AccountClaims.ChangePassword, "true"));
        if (!enrolmentOnly && !changePassword) claims.AddRange((await users.GetRolesAsync(account)).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + idle, AllowRefresh = true });
        sessions.Forget(session.Id);
    }
}
