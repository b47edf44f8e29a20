namespace Tongban.Notifications.Contracts;

/// <summary>Sends an e-mail. The host plugs in a mail relay; development keeps the mails for <c>/dev/mail</c>.</summary>
public interface IEmailSender
{
    Task SendAsync(string address, string subject, string body, CancellationToken cancellationToken);
}
