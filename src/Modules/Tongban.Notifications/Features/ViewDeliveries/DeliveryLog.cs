using Microsoft.EntityFrameworkCore;
using Tongban.Notifications.Data;
using Tongban.Notifications.Domain;

namespace Tongban.Notifications.Features.ViewDeliveries;

internal sealed record DeliveryView(Guid Id, string Event, string CaseNumber, string Channel, string Recipient, string Template,
    DeliveryStatus Status, string? Reason, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The delivery log, newest first, narrowed by case number and status. Recipients are stored masked.</summary>
internal sealed class DeliveryLog(NotificationsDbContext db)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<DeliveryView>> ListAsync(string? caseNumber, DeliveryStatus? status, CancellationToken ct)
    {
        var query = db.Deliveries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(caseNumber)) query = query.Where(d => d.CaseNumber == caseNumber.Trim());
        if (status is { } s) query = query.Where(d => d.Status == s);
        return await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Channel).Take(PageSize)
            .Select(d => new DeliveryView(d.Id.Value, d.Event, d.CaseNumber, d.Channel, d.Recipient, d.Template, d.Status, d.Reason, d.Attempts, d.CreatedAt, d.UpdatedAt))
            .ToListAsync(ct);
    }
}
