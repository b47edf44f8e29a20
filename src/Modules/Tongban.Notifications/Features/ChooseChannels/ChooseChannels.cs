using Microsoft.EntityFrameworkCore;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Outbox;
using Tongban.Notifications.Data;
using Tongban.Notifications.Domain;
using Tongban.Notifications.Features.Channels;

namespace Tongban.Notifications.Features.ChooseChannels;

/// <summary>The choice as saved (or the default), with the addresses masked: e-mail goes only when chosen and confirmed.</summary>
internal sealed record ChannelsView(bool Sms, bool Email, string? Phone, string? EmailAddress, bool EmailConfirmed)
{
    public bool EmailGoes => Email && EmailConfirmed;
}

internal sealed record ChannelsInput(bool Sms, bool Email);

/// <summary>An account holder chooses the channels of their case notices; in-app always goes. Audited without the addresses.</summary>
internal sealed class ChooseChannels(NotificationsDbContext db, IAccountDirectory accounts, TimeProvider clock)
{
    public async Task<ChannelsView> ReadAsync(Guid accountId, CancellationToken ct)
    {
        var choice = await db.ChannelChoices.AsNoTracking().SingleOrDefaultAsync(c => c.AccountId == accountId, ct) ?? ChannelChoice.Default(accountId);
        var contact = await accounts.ContactAsync(accountId, ct);
        return new(choice.Sms, choice.Email, Masked(contact?.Phone, Masking.Phone), Masked(contact?.Email, Masking.Email), contact?.EmailConfirmed ?? false);
    }

    public async Task<ChannelsView> SaveAsync(Guid accountId, ChannelsInput input, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var choice = await db.ChannelChoices.SingleOrDefaultAsync(c => c.AccountId == accountId, ct);
        if (choice is null) db.ChannelChoices.Add(choice = ChannelChoice.Default(accountId));
        choice.Choose(input.Sms, input.Email, at);
        db.Audit(new AuditRecord($"user:{accountId}", "notifications.channels_chosen", $"user:{accountId}", $"sms: {input.Sms}, email: {input.Email}", at));
        await db.SaveChangesAsync(ct);
        return await ReadAsync(accountId, ct);
    }

    private static string? Masked(string? address, Func<string, string> mask) => string.IsNullOrWhiteSpace(address) ? null : mask(address);
}
