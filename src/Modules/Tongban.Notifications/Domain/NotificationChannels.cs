namespace Tongban.Notifications.Domain;

/// <summary>The channel names: in the delivery log, the templates' keys and the order notices go out in.</summary>
internal static class NotificationChannels
{
    public const string InApp = "in-app";
    public const string Sms = "sms";
    public const string Email = "email";

    public static readonly IReadOnlyList<string> All = [InApp, Sms, Email];

    public static (string Chinese, string English) Name(string channel) => channel switch
    {
        InApp => ("站内消息", "In-app"),
        Sms => ("短信", "SMS"),
        Email => ("电子邮件", "E-mail"),
        _ => (channel, channel),
    };
}
