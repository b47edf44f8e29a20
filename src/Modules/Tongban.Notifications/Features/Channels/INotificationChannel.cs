using Tongban.Identity.Contracts;
using Tongban.Notifications.Domain;

namespace Tongban.Notifications.Features.Channels;

/// <summary>
/// Where a notice goes on a channel: the address itself, the form the delivery log may show, and whether its holder
/// confirmed it (nothing goes to an unconfirmed address; the delivery is skipped).
/// </summary>
internal sealed record ChannelAddress(string Value, string Shown, bool Confirmed = true);

/// <summary>What a notice says: its event and case, and the text of the channel's template with the placeholders filled.</summary>
internal sealed record Notice(Guid AccountId, string Event, string CaseNumber, RenderedText Text);

/// <summary>
/// A way to reach an applicant (SMS, e-mail, in-app). Register more with <c>services.AddScoped&lt;INotificationChannel, X&gt;()</c>;
/// every notice goes out on each. A failure throws: it is logged and the notice retried through the outbox.
/// </summary>
internal interface INotificationChannel
{
    string Name { get; }

    /// <summary>The account's address on this channel, or null when it has none (the delivery is then skipped).</summary>
    ChannelAddress? AddressOf(AccountContact contact);

    Task SendAsync(ChannelAddress address, Notice notice, CancellationToken cancellationToken);
}
