using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Data;
using Tongban.Identity.Domain;
using Tongban.Identity.Features.SignIn;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Identifiers;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.PersonalData;

namespace Tongban.Identity.Features.Federation;

/// <summary>The refusals of an upstream sign-in; the sign-in page shows them by code (<c>?federation=code</c>).</summary>
internal static class FederationErrors
{
    public static readonly DomainError Upstream = new("upstream", "省级平台未能完成登录，请稍后再试或使用本平台账号登录",
        "The provincial platform did not complete the sign-in; try again later or sign in with an account here");
    public static readonly DomainError IdNumber = new("id_number", "省级平台未提供有效的身份证号码（GB 11643 校验未通过或缺失），无法登录",
        "The provincial platform gave no valid resident ID number (missing, or it fails the GB 11643 check); you cannot be signed in");
    public static readonly DomainError Disabled = new("disabled", "通过省级平台登录目前未开放，请使用本平台账号登录",
        "Signing in with the provincial platform is switched off; sign in with an account here");
    public static readonly DomainError Staff = new("staff", "工作人员请使用本平台账号和动态口令登录",
        "Staff sign in with their account here and the authenticator code");
    public static readonly DomainError Conflict = new("conflict", "该身份证号码的账号已关联省级平台的另一个账号，请联系管理员",
        "The account with this ID number is linked to another account of the provincial platform; contact the administrator", ErrorKind.Conflict);

    /// <summary>Any other refusal (a deactivated account, a name the account rules refuse).</summary>
    public static readonly DomainError Refused = new("refused", "无法通过省级平台登录该账号，请到服务窗口咨询",
        "This account cannot be signed in through the provincial platform; ask at a service window");

    private static readonly DomainError[] All = [Upstream, IdNumber, Disabled, Staff, Conflict, Refused];

    /// <summary>The refusal shown for <paramref name="code"/>; null for none or an unknown code.</summary>
    public static DomainError? ByCode(string? code) => All.FirstOrDefault(e => e.Code == code);
}

/// <summary>
/// On return from the upstream provider: the account is found by the link (issuer + subject, Identity's login table)
/// or by the upstream's ID number, linked, or created as a citizen account; the mapped upstream level is taken when
/// higher; then the ordinary session cookie is issued. Audited as <c>identity.federated_sign_in</c> (masked).
/// </summary>
internal sealed class FederatedSignIn(AccountsDbContext db, UserManager<Account> users, AccountSignIn signIn, UpstreamStore store,
    TimeProvider clock)
{
    public async Task<Account> SignInAsync(ClaimsPrincipal upstream, HttpContext http, CancellationToken ct)
    {
        var settings = store.Current;
        if (!settings.Enabled || !settings.IsConfigured) throw new DomainException(FederationErrors.Disabled);
        var issuer = settings.Issuer!.Trim();
        var subject = upstream.FindFirstValue("sub");
        if (string.IsNullOrWhiteSpace(subject)) throw new DomainException(FederationErrors.Upstream);
        if (!ResidentIdNumber.TryParse(upstream.FindFirstValue(settings.IdNumberClaim), out var parsed, out _))
            throw new DomainException(FederationErrors.IdNumber);
        var idNumber = parsed!.Value.Value;
        var name = upstream.FindFirstValue("name") ?? "";
        var now = clock.GetUtcNow();

        var account = await users.FindByLoginAsync(issuer, subject);
        var how = "signed in";
        if (account is not null && account.IdNumber != idNumber) throw new DomainException(FederationErrors.Conflict);
        if (account is null)
        {
            account = await db.Users.WhereMatches(a => a.IdNumber, idNumber).SingleOrDefaultAsync(ct);
            how = "linked";
            if (account is null)
            {
                account = Account.FromUpstream(idNumber, name, now);
                var created = await users.CreateAsync(account);
                if (!created.Succeeded) throw SignInErrors.From(created, "name");
                how = "created";
            }
            else if (account.Kind == AccountKind.Staff)
                throw new DomainException(FederationErrors.Staff);
            else if ((await users.GetLoginsAsync(account)).Any(l => l.LoginProvider == issuer))
                throw new DomainException(FederationErrors.Conflict);
            var linked = await users.AddLoginAsync(account, new UserLoginInfo(issuer, subject, "upstream"));
            if (!linked.Succeeded) throw new DomainException(FederationErrors.Conflict);
        }

        var upstreamLevel = upstream.FindFirstValue(settings.LevelClaim);
        var raised = account.AcceptUpstreamLevel(settings.MapLevel(upstreamLevel), name, issuer, now);
        db.Audit(new AuditRecord($"account:{account.Id}", "identity.federated_sign_in", $"account:{account.MaskedIdNumber}",
            $"{how} via {issuer}, upstream level {upstreamLevel ?? "none"}, L{(int)account.Level}{(raised ? " (raised)" : "")}, from {ClientAddress.Of(http)}", now));
        await signIn.SignInAsync(account, http, ct);
        return account;
    }
}
