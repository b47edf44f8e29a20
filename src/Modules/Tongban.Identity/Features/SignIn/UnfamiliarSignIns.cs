using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Features.Notices;

namespace Tongban.Identity.Features.SignIn;

/// <summary>
/// A sign-in is unfamiliar when it comes from a browser the account never signed in on (its device cookie unseen) or
/// from a network none of its last <see cref="RecentSignIns"/> sign-ins came from. The person is then told by SMS
/// (<see cref="AccountNotices"/>), in the sign-in's transaction; an account's very first sign-in tells nothing.
/// </summary>
internal static class UnfamiliarSignIns
{
    public const int RecentSignIns = 10;

    /// <summary>Looks before the new session is saved; returns what was new, for the audit record ("" when nothing was).</summary>
    public static async Task<string> NoticeAsync(AccountsDbContext db, Guid account, SignInPlace place, DateTimeOffset now, DateTimeOffset local, CancellationToken ct)
    {
        var recent = await db.Sessions.AsNoTracking().Where(s => s.AccountId == account).OrderByDescending(s => s.StartedAt)
            .Take(RecentSignIns).Select(s => s.Network).ToListAsync(ct);
        if (recent.Count == 0) return "";
        var newDevice = !await db.Sessions.AnyAsync(s => s.AccountId == account && s.Device == place.Device, ct);
        var newNetwork = !recent.Contains(place.Network);
        if (!newDevice && !newNetwork) return "";
        var (zh, en) = newDevice && newNetwork ? ("新设备和新网络", "a new device on a new network") : newDevice ? ("新设备", "a new device") : ("新网络", "a new network");
        AccountNotices.Publish(db, account, AccountNoticeKinds.UnfamiliarSignIn,
            $"您的账号于{local:yyyy-MM-dd HH:mm}从{zh}（{place.Network}）登录。如非本人操作，请立即修改密码，并在“登录设备”中退出该设备。",
            $"Your account was signed in to at {local:yyyy-MM-dd HH:mm} from {en} ({place.Network}). If it was not you, change your password now and sign that device out under My sessions.",
            now);
        return $", {en}";
    }
}
