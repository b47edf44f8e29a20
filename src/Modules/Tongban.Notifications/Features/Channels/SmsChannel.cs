using Tongban.Identity.Contracts;
using Tongban.Notifications.Domain;

namespace Tongban.Notifications.Features.Channels;

/// <summary>A text message through the identity module's <see cref="ISmsSender"/> (the operator's gateway, or /dev/sms).</summary>
internal sealed class SmsChannel(ISmsSender sender) : INotificationChannel
{
    public string Name => NotificationChannels.Sms;

    public ChannelAddress? AddressOf(AccountContact contact) =>
        string.IsNullOrWhiteSpace(contact.Phone) ? null : new(contact.Phone, Masking.Phone(contact.Phone));

    public Task SendAsync(ChannelAddress address, Notice notice, CancellationToken cancellationToken) =>
        sender.SendAsync(address.Value, $"【通办】{notice.Text.Chinese} {notice.Text.English}", cancellationToken);
}
