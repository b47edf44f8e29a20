using Tongban.Identity.Contracts;
using Tongban.Notifications.Contracts;

namespace Tongban.Notifications.Features.Email;

/// <summary>The identity module's confirmation link, mailed in both languages through <see cref="IEmailSender"/>.</summary>
internal sealed class ConfirmationMail(IEmailSender sender) : IEmailConfirmationSender
{
    public Task SendAsync(string address, Uri link, CancellationToken cancellationToken) =>
        sender.SendAsync(address, "请确认您的电子邮件地址 / Confirm your e-mail address",
            $"请打开以下链接并登录，确认此地址用于接收办件通知（24小时内有效，仅可使用一次）：\n{link}\n\n"
            + $"Open this link and sign in to confirm this address for case notices (it works once, within 24 hours):\n{link}\n\n"
            + "如非本人操作，请忽略此邮件。/ If this was not you, ignore this mail.", cancellationToken);
}
