namespace Tongban.Notifications;

/// <summary>Section <c>Notifications</c>.</summary>
internal sealed class NotificationsOptions
{
    public const string Section = "Notifications";

    /// <summary>Mails are kept for <c>/dev/mail</c> instead of sent; on with <c>Authentication:DevelopmentSignIn</c>, like the SMS page.</summary>
    public bool DevelopmentSenders { get; set; }
}
