using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Kernel.Outbox;

namespace Tongban.Identity.Features.Notices;

/// <summary>
/// Account notices (<see cref="AccountNotice"/>): published in the transaction of the change they announce, sent after it
/// commits by SMS to the account's phone — out of band, so someone holding a stolen session cannot read or hide them (an
/// in-app message would sit in the very account at risk). An account without a phone gets none.
/// </summary>
internal static class AccountNotices
{
    public static void Publish(AccountsDbContext db, Guid accountId, string kind, string chinese, string english, DateTimeOffset at) =>
        db.Publish(AccountNotice.MessageType, new AccountNotice(accountId, kind, chinese, english), at);

    /// <summary>The outbox handler that texts a notice (at least once: a failed send is retried by the outbox).</summary>
    internal sealed class Send(AccountsDbContext db, ISmsSender sms) : IOutboxHandler
    {
        public string MessageType => AccountNotice.MessageType;

        public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            var notice = message.Read<AccountNotice>();
            var phone = await db.Users.AsNoTracking().Where(a => a.Id == notice.AccountId && a.DeactivatedAt == null).Select(a => a.PhoneNumber).SingleOrDefaultAsync(cancellationToken);
            if (string.IsNullOrEmpty(phone)) return;
            await sms.SendAsync(phone, $"【通办】{notice.Chinese} {notice.English}", cancellationToken);
        }
    }
}
