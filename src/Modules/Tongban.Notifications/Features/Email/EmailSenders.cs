using Tongban.Kernel.Development;
using Tongban.Notifications.Contracts;

namespace Tongban.Notifications.Features.Email;

internal sealed record SentMail(DateTimeOffset At, string Address, string Subject, string Body);

/// <summary>Keeps the last mails in memory for /dev/mail instead of sending them (development and demo only).</summary>
internal sealed class DevelopmentEmailSender(TimeProvider clock) : IEmailSender
{
    private readonly RecentItems<SentMail> _mails = new();

    public Task SendAsync(string address, string subject, string body, CancellationToken cancellationToken)
    {
        _mails.Add(new SentMail(clock.GetUtcNow(), address, subject, body));
        return Task.CompletedTask;
    }

    public IReadOnlyList<SentMail> Mails => _mails.Snapshot();
}

/// <summary>Where no mail relay is configured: every send fails, so the delivery log says why.</summary>
internal sealed class UnconfiguredEmailSender : IEmailSender
{
    public Task SendAsync(string address, string subject, string body, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No mail relay is configured (register an IEmailSender) / 未配置邮件服务");
}
