using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Contracts;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Notifications.Data;
using Tongban.Notifications.Domain;

namespace Tongban.Notifications.Features.EditTemplates;

/// <summary>A template as it is in force: the edited text, or the default when none was edited.</summary>
internal sealed record TemplateView(string Event, string Channel, string Chinese, string English, bool Edited, DateTimeOffset? UpdatedAt)
{
    public string Name => $"{Event}/{Channel}{(Edited ? " (edited)" : "")}";
}

/// <summary>What a system administrator writes for one template; empty texts restore the default.</summary>
internal sealed record TemplateInput(string? Chinese, string? English);

/// <summary>Reads the templates in force and edits them (system administrators); every edit is audited.</summary>
internal sealed class EditTemplates(NotificationsDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<TemplateView>> ListAsync(CancellationToken ct)
    {
        var edited = await db.Templates.AsNoTracking().ToListAsync(ct);
        return [.. from e in ApplicantNoticeKinds.All from c in NotificationChannels.All
                   select ViewOf(e, c, edited.SingleOrDefault(t => t.Event == e && t.Channel == c))];
    }

    public async Task<TemplateView> FindAsync(string @event, string channel, CancellationToken ct) =>
        ViewOf(@event, channel, await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Event == @event && t.Channel == channel, ct));

    public async Task<TemplateView> SaveAsync(string @event, string channel, TemplateInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!ApplicantNoticeKinds.All.Contains(@event) || !NotificationChannels.All.Contains(channel))
            throw new DomainException(DomainError.NotFound("模板", "The template"));
        var (at, by) = (clock.GetUtcNow(), Actor.Of(user));
        var template = await db.Templates.SingleOrDefaultAsync(t => t.Event == @event && t.Channel == channel, ct);
        var restore = string.IsNullOrWhiteSpace(input.Chinese) && string.IsNullOrWhiteSpace(input.English);
        if (restore && template is not null) db.Templates.Remove(template);
        else if (!restore && template is null) db.Templates.Add(Template.Write(@event, channel, input.Chinese ?? "", input.English ?? "", by, at));
        else template?.Edit(input.Chinese ?? "", input.English ?? "", by, at);
        db.Audit(new AuditRecord(by, restore ? "notifications.template_restored" : "notifications.template_edited", $"template:{@event}/{channel}", null, at));
        await db.SaveChangesAsync(ct);
        return await FindAsync(@event, channel, ct);
    }

    private static TemplateView ViewOf(string @event, string channel, Template? edited)
    {
        if (edited is not null) return new(@event, channel, edited.Chinese, edited.English, true, edited.UpdatedAt);
        var (zh, en) = Template.Default(@event);
        return new(@event, channel, zh, en, false, null);
    }
}
