using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Kernel.Errors;
using Tongban.Notifications.Data;
using Tongban.Notifications.Domain;

namespace Tongban.Notifications.Features.ReadMessages;

internal sealed record MessageView(Guid Id, string Event, string CaseNumber, string Chinese, string English, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

internal sealed record InboxView(int Unread, IReadOnlyList<MessageView> Messages);

/// <summary>The signed-in person's in-app messages: only their own; another's message is not found.</summary>
internal sealed class Inbox(NotificationsDbContext db, TimeProvider clock)
{
    public const int PageSize = 100;

    public async Task<InboxView> ReadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var account = SignedInAccount.Of(user);
        var messages = await db.Messages.AsNoTracking().Where(m => m.AccountId == account).OrderByDescending(m => m.CreatedAt).Take(PageSize)
            .Select(m => new MessageView(m.Id.Value, m.Event, m.CaseNumber, m.Chinese, m.English, m.CreatedAt, m.ReadAt)).ToListAsync(ct);
        return new(await UnreadAsync(account, ct), messages);
    }

    public Task<int> UnreadAsync(Guid account, CancellationToken ct) => db.Messages.CountAsync(m => m.AccountId == account && m.ReadAt == null, ct);

    public async Task MarkReadAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var account = SignedInAccount.Of(user);
        var message = await db.Messages.SingleOrDefaultAsync(m => m.Id == MessageId.From(id) && m.AccountId == account, ct)
            ?? throw new DomainException(DomainError.NotFound("消息", "The message"));
        message.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task MarkAllReadAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var account = SignedInAccount.Of(user);
        var at = clock.GetUtcNow();
        await db.Messages.Where(m => m.AccountId == account && m.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReadAt, at), ct);
    }
}
