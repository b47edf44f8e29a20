using Tongban.Identity.Contracts;
using Tongban.Notifications.Contracts;
using Tongban.Notifications.Domain;

namespace Tongban.Notifications.Features.Channels;

/// <summary>An e-mail through <see cref="IEmailSender"/>, when the account has an address and confirmed it.</summary>
internal sealed class EmailChannel(IEmailSender sender) : INotificationChannel
{
    public string Name => NotificationChannels.Email;

    public ChannelAddress? AddressOf(AccountContact contact) =>
        string.IsNullOrWhiteSpace(contact.Email) ? null : new(contact.Email, Masking.Email(contact.Email), contact.EmailConfirmed);

    public Task SendAsync(ChannelAddress address, Notice notice, CancellationToken cancellationToken) =>
        sender.SendAsync(address.Value, $"办件{notice.CaseNumber}的进展 / News on case {notice.CaseNumber}",
            $"{notice.Text.Chinese}\n\n{notice.Text.English}", cancellationToken);
}
