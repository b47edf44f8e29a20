using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Time;
using Tongban.Notifications.Data;
using Tongban.Notifications.Domain;
using Tongban.Notifications.Features.Channels;
using Tongban.Notifications.Features.EditTemplates;

namespace Tongban.Notifications.Features.SendNotices;

/// <summary>
/// Sends a <see cref="CaseChangedForApplicant"/> on every channel and logs each in <c>ntf_deliveries</c>. A channel the
/// applicant turned off, without an address, or with an unconfirmed one is logged as skipped with the reason. A channel that
/// fails is logged as failed and the message thrown back to the outbox, which retries it with back-off up to
/// <c>Outbox:MaxAttempts</c>; on a retry only the channels not yet sent or skipped go again.
/// </summary>
internal sealed class SendNotice(NotificationsDbContext db, IEnumerable<INotificationChannel> channels, IAccountDirectory accounts,
    EditTemplates.EditTemplates templates, TimeProvider clock) : IOutboxHandler
{
    public string MessageType => CaseChangedForApplicant.MessageType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var change = message.Read<CaseChangedForApplicant>();
        var contact = await accounts.ContactAsync(change.ApplicantAccountId, cancellationToken) ?? new AccountContact(change.ApplicantAccountId, null, null, false);
        var choice = await db.ChannelChoices.AsNoTracking().SingleOrDefaultAsync(c => c.AccountId == change.ApplicantAccountId, cancellationToken)
            ?? ChannelChoice.Default(change.ApplicantAccountId);
        var earlier = await db.Deliveries.Where(d => d.SourceId == message.Id).ToListAsync(cancellationToken);
        var failed = new List<string>();
        foreach (var channel in channels)
        {
            var delivery = earlier.SingleOrDefault(d => d.Channel == channel.Name);
            if (delivery is { Done: true }) continue;
            var template = await templates.FindAsync(change.Kind, channel.Name, cancellationToken);
            var address = channel.AddressOf(contact);
            if (delivery is null)
                db.Deliveries.Add(delivery = Delivery.Start(message.Id, change.Kind, change.CaseNumber, channel.Name, address?.Shown ?? "—", template.Name, clock.GetUtcNow()));
            if (address is not { Confirmed: true } || !choice.Wants(channel.Name))
            {
                delivery.Skip(SkipReason(channel.Name, address, choice), clock.GetUtcNow());
                continue;
            }
            try
            {
                await channel.SendAsync(address, new Notice(change.ApplicantAccountId, change.Kind, change.CaseNumber, Render(template, change)), cancellationToken);
                delivery.Succeed(clock.GetUtcNow());
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                delivery.Fail($"{ex.GetType().Name}: {ex.Message}".Replace(address.Value, address.Shown, StringComparison.Ordinal), clock.GetUtcNow());
                failed.Add(channel.Name);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        if (failed.Count > 0)
            throw new InvalidOperationException($"Notification channel(s) failed: {string.Join(", ", failed)}; see ntf_deliveries.");
    }

    private static string SkipReason(string channel, ChannelAddress? address, ChannelChoice choice) =>
        !choice.Wants(channel) ? "turned off by the applicant / 本人已关闭"
        : address is null ? "no address / 无地址"
        : "address not confirmed / 地址未确认";

    /// <summary>Each language's text with its own values: a date as that language writes it (TimeText).</summary>
    private static RenderedText Render(TemplateView template, CaseChangedForApplicant change)
    {
        Dictionary<string, string> Values(bool english) => new()
        {
            ["number"] = change.CaseNumber,
            ["item"] = change.ItemName,
            ["date"] = change.Date is { } date ? TimeText.Date(date, english) : "",
            ["material"] = change.Material ?? "",
        };
        return new(TemplateText.Fill(template.Chinese, Values(english: false)), TemplateText.Fill(template.English, Values(english: true)));
    }
}
