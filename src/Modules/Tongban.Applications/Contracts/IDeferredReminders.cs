namespace Tongban.Applications.Contracts;

/// <summary>For the <c>tongban applications remind</c> command: what the reminder job does on its interval, now.</summary>
public interface IDeferredReminders
{
    /// <summary>Publishes the due reminders and overdue notices of deferred materials not sent before; returns how many.</summary>
    Task<int> SendDueAsync(CancellationToken cancellationToken);
}
