using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Halls.Contracts;
using Tongban.Halls.Data;
using Tongban.Halls.Features;
using Tongban.Halls.Features.Appointments;
using Tongban.Halls.Features.CallTickets;
using Tongban.Halls.Features.HallStatus;
using Tongban.Halls.Features.ImportRegionPack;
using Tongban.Halls.Features.RateWindow;
using Tongban.Halls.Features.Screen;
using Tongban.Halls.Features.TakeTicket;
using Tongban.Kernel.Data;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Web;

namespace Tongban.Halls;

/// <summary>Service halls at work: business categories, queue tickets (取号), calling (叫号) with its screen, window ratings (评价器), the queue now.</summary>
public static class HallsModule
{
    public static IServiceCollection AddHalls(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<HallsDbContext, HallsSqliteContext, HallsPostgresContext>(configuration, "halls", HallsDbContext.Prefix);
        services.Configure<HallsOptions>(configuration.GetSection(HallsOptions.Section));
        services.AddSingleton<HallSignals>();
        services.AddChangeListener<HallSignals>(ChangeTopics.HallQueue, (signals, hall) => signals.Changed(hall));
        services.AddSingleton<Features.Screen.ScreenFeed>();
        services.AddScoped<IHallFigures, Features.HallFigures.HallFigures>();
        services.AddScoped<HallPlaces>();
        services.AddScoped<HallQueue>();
        services.AddScoped<TicketQueries>();
        services.AddScoped<TicketReminders>();
        services.AddScoped<Kernel.Outbox.IOutboxHandler, TicketReminderText>();
        services.AddScoped<KioskSession>();
        services.AddScoped<IssueTicket>();
        services.AddScoped<Calling>();
        services.AddScoped<IHallCounter, CounterTickets>();
        services.AddScoped<RateTicket>();
        services.AddScoped<TabletPairing>();
        services.AddScoped<SlotPlanner>();
        services.AddScoped<AppointmentRules>();
        services.AddScoped<Booking>();
        services.AddScoped<CheckIn>();
        services.AddScoped<AppointmentQueries>();
        services.AddScoped<AppointmentReminders>();
        services.AddHostedService<AppointmentReminderWorker>();
        services.AddScoped<IHallLiveFigures, HallStatusFigures>();
        services.AddMemoryCache();
        services.AddScoped<Features.BrowseNetwork.NetworkDirectory>();
        services.AddScoped<IRegionPackImporter, CategoryPackImporter>();
        services.AddScoped<Features.FreeAgency.FreeAgency>();
        services.AddScoped<Features.FreeAgency.AgencyDesk>();
        services.AddSingleton(new MySpaceLink("/my/agency", "帮办代办", "Free agency", 46, "my-agency-link"));
        services.AddSingleton(new AdminLink("/admin/agency", "帮办代办", "Free agency",
            "企业投资项目的帮办代办申请：指派代办员、关闭", "Enterprises' requests for free agency on investment projects: assign an agent, close", Kernel.Security.Policies.WindowClerk, 17));
        services.AddSingleton(new MySpaceLink("/my/appointments", "我的预约", "My appointments", 35, "my-appointments-link"));
        return services;
    }

    public static IEndpointRouteBuilder MapHalls(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/halls").WithTags("Halls");
        TicketEndpoints.Map(api);
        CallEndpoints.Map(api);
        RatingEndpoints.Map(api);
        StatusEndpoints.Map(api);
        AppointmentEndpoints.Map(api);
        Features.FreeAgency.AgencyEndpoints.Map(api);
        ScreenEvents.Map(endpoints);
        Features.BrowseNetwork.NetworkEndpoints.Map(endpoints);
        return endpoints;
    }
}
