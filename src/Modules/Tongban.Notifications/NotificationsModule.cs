using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Web;
using Tongban.Notifications.Contracts;
using Tongban.Notifications.Data;
using Tongban.Identity.Contracts;
using Tongban.Notifications.Features.Channels;
using Tongban.Notifications.Features.ChooseChannels;
using Tongban.Notifications.Features.EditTemplates;
using Tongban.Notifications.Features.Email;
using Tongban.Notifications.Features.ReadMessages;
using Tongban.Notifications.Features.SendNotices;
using Tongban.Notifications.Features.ViewDeliveries;

namespace Tongban.Notifications;

/// <summary>Notifications to applicants (通知): in-app messages, SMS and e-mail from templates, with a delivery log.</summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<NotificationsDbContext, NotificationsSqliteContext, NotificationsPostgresContext>(configuration, "notifications", NotificationsDbContext.Prefix);
        var development = configuration.GetValue<bool>("Authentication:DevelopmentSignIn");
        services.Configure<NotificationsOptions>(o => o.DevelopmentSenders = development);
        services.AddSingleton<DevelopmentEmailSender>();
        if (development) services.TryAddSingleton<IEmailSender>(sp => sp.GetRequiredService<DevelopmentEmailSender>());
        else services.TryAddSingleton<IEmailSender, UnconfiguredEmailSender>();
        services.AddScoped<IEmailConfirmationSender, ConfirmationMail>();
        services.AddScoped<INotificationChannel, InAppChannel>();
        services.AddScoped<INotificationChannel, SmsChannel>();
        services.AddScoped<INotificationChannel, EmailChannel>();
        services.AddScoped<IOutboxHandler, SendNotice>();
        services.AddScoped<EditTemplates>();
        services.AddScoped<Inbox>();
        services.AddScoped<ChooseChannels>();
        services.AddScoped<IUnreadMessages, UnreadMessages>();
        services.AddSingleton(new MySpaceLink("/my/messages", "消息", "Messages", 30, "messages-link")
        {
            Count = (sp, user, ct) => sp.GetRequiredService<IUnreadMessages>().CountAsync(user, ct),
        });
        services.AddScoped<DeliveryLog>();
        services.AddSingleton(new AdminLink("/admin/notifications/deliveries", "通知", "Notifications",
            "短信、邮件和站内消息的模板与发送记录", "Templates and the delivery log of SMS, e-mail and in-app messages", Policies.SystemAdministrator, 40));
        return services;
    }

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/notifications").WithTags("Notifications");
        MessageEndpoints.Map(api);
        ChannelEndpoints.Map(api);
        TemplateEndpoints.Map(api);
        return endpoints;
    }
}
