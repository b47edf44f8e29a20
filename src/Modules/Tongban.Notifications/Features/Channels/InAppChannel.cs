using Tongban.Identity.Contracts;
using Tongban.Notifications.Data;
using Tongban.Notifications.Domain;

namespace Tongban.Notifications.Features.Channels;

/// <summary>A message in the account's inbox (<c>/my/messages</c>), saved with the delivery log in one transaction.</summary>
internal sealed class InAppChannel(NotificationsDbContext db, TimeProvider clock) : INotificationChannel
{
    public string Name => NotificationChannels.InApp;

    public ChannelAddress? AddressOf(AccountContact contact) => new(contact.Id.ToString(), $"account:{contact.Id}");

    public Task SendAsync(ChannelAddress address, Notice notice, CancellationToken cancellationToken)
    {
        db.Messages.Add(Message.To(notice.AccountId, notice.Event, notice.CaseNumber, notice.Text, clock.GetUtcNow()));
        return Task.CompletedTask;
    }
}
