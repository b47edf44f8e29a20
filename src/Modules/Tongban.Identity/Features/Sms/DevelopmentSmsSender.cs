using Tongban.Identity.Contracts;
using Tongban.Kernel.Development;
using Tongban.Kernel.Errors;

namespace Tongban.Identity.Features.Sms;

internal sealed record SentSms(DateTimeOffset At, string PhoneNumber, string Message);

/// <summary>Keeps the last messages in memory for /dev/sms instead of sending them (development and demo only).</summary>
internal sealed class DevelopmentSmsSender(TimeProvider clock) : ISmsSender
{
    private readonly RecentItems<SentSms> _messages = new();

    public Task SendAsync(string phoneNumber, string message, CancellationToken cancellationToken)
    {
        _messages.Add(new SentSms(clock.GetUtcNow(), phoneNumber, message));
        return Task.CompletedTask;
    }

    public IReadOnlyList<SentSms> Messages => _messages.Snapshot();
}

/// <summary>Where no SMS gateway is configured: codes cannot be sent, and the person is told so.</summary>
internal sealed class UnconfiguredSmsSender : ISmsSender
{
    public bool CanSend => false;

    public Task SendAsync(string phoneNumber, string message, CancellationToken cancellationToken) =>
        throw new DomainException(new DomainError("sms.unavailable", "短信服务尚未配置，请使用密码登录或到窗口办理", "Text messages are not configured here; sign in with a password or visit a window"));
}
