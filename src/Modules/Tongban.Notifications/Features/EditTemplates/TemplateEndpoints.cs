using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tongban.Kernel.Security;
using Tongban.Notifications.Domain;
using Tongban.Notifications.Features.ViewDeliveries;

namespace Tongban.Notifications.Features.EditTemplates;

internal static class TemplateEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/").RequireAuthorization(Policies.SystemAdministrator);
        admin.MapGet("/templates", async (EditTemplates templates, CancellationToken ct) => TypedResults.Ok(await templates.ListAsync(ct)))
            .WithSummary("The templates in force for every event and channel (edited or default)");
        admin.MapPut("/templates/{event}/{channel}", async (string @event, string channel, TemplateInput input, EditTemplates templates, ClaimsPrincipal user, CancellationToken ct) =>
                TypedResults.Ok(await templates.SaveAsync(@event, channel, input, user, ct)))
            .WithSummary("Edit a template (Chinese and English; placeholders {number} {item} {date} {material}); both empty restores the default");
        admin.MapGet("/deliveries", async (string? caseNumber, DeliveryStatus? status, DeliveryLog log, CancellationToken ct) =>
                TypedResults.Ok(await log.ListAsync(caseNumber, status, ct)))
            .WithSummary("The delivery log, newest first (200): event, channel, masked recipient, template, status, reason, attempts");
    }
}
