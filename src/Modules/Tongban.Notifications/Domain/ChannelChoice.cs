namespace Tongban.Notifications.Domain;

/// <summary>
/// The channels an account holder chose for case notices (通知方式): SMS and e-mail may be turned off; in-app always goes.
/// A row exists only once the holder saved a choice; until then <see cref="Default"/> holds (both on — e-mail still goes
/// only to a confirmed address).
/// </summary>
internal sealed class ChannelChoice
{
    private ChannelChoice() { }

    public Guid AccountId { get; private set; }
    public bool Sms { get; private set; }
    public bool Email { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public static ChannelChoice Default(Guid accountId) => new() { AccountId = accountId, Sms = true, Email = true };

    public void Choose(bool sms, bool email, DateTimeOffset at) => (Sms, Email, UpdatedAt) = (sms, email, at);

    /// <summary>Whether the holder wants notices on this channel; in-app and any channel without a choice always go.</summary>
    public bool Wants(string channel) => channel switch
    {
        NotificationChannels.Sms => Sms,
        NotificationChannels.Email => Email,
        _ => true,
    };
}
