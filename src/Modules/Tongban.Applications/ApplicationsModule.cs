using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Applications.Features.GenerateCases;
using Tongban.Applications.Features.ApplyAsAgent;
using Tongban.Applications.Features.ApplyBundle;
using Tongban.Applications.Features.ApplyOnline;
using Tongban.Applications.Features.HandleCase;
using Tongban.Applications.Features.ProvideMaterials;
using Tongban.Applications.Features.RateCase;
using Tongban.Applications.Features.RectifyRating;
using Tongban.Applications.Features.RegisterWalkIn;
using Tongban.Applications.Features.RemindDeferred;
using Tongban.Applications.Features.SubmitApplication;
using Tongban.Applications.Features.SuperviseCases;
using Tongban.Applications.Features.TrackMyCases;
using Tongban.Applications.Features.ViewCase;
using Tongban.Applications.Features.Workbench;
using Tongban.Kernel.Data;
using Tongban.Kernel.Security;
using Tongban.Kernel.Web;

namespace Tongban.Applications;

/// <summary>Applications and case handling (申办与办件): drafts, submission, pre-review, process steps, time limits, conclusion.</summary>
public static class ApplicationsModule
{
    public static IServiceCollection AddApplications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<ApplicationsDbContext, ApplicationsSqliteContext, ApplicationsPostgresContext>(configuration, "applications", ApplicationsDbContext.Prefix);
        services.Configure<ApplicationsOptions>(configuration.GetSection(ApplicationsOptions.Section));
        services.AddScoped<CaseReader>();
        services.AddScoped<CaseDisplays>();
        services.AddScoped<FormPrefills>();
        services.AddSingleton(new SystemActor("module:applications", "网上申办系统", "Online applications"));
        services.AddScoped<IConcludedCases, ConcludedCases>();
        services.AddScoped<IAgentCases, Features.ApplyAsAgent.AgentCases>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<ApplyGate>();
        services.AddScoped<ApplyOnline>();
        services.AddScoped<ApplyBundle>();
        services.AddScoped<ProvideMaterials>();
        services.AddScoped<MaterialFiles>();
        services.AddScoped<ProvideCaseMaterials>();
        services.AddScoped<FactSubjects>();
        services.AddScoped<UseRegistryFact>();
        services.AddScoped<UseLicense>();
        services.AddScoped<DownloadMaterial>();
        services.AddScoped<RespondToCase>();
        services.AddScoped<MyCaseList>();
        services.AddScoped<HandleCase>();
        services.AddScoped<WorkbenchQuery>();
        services.AddScoped<RegisterWalkIn>();
        services.AddScoped<ApplyAsAgent>();
        services.AddScoped<ICaseGenerator, CaseGenerator>();
        services.AddScoped<ICaseFacts, Features.ReportFacts.CaseFacts>();
        services.AddScoped<RateCase>();
        services.AddScoped<Kernel.Outbox.IOutboxHandler, WindowRatedHandler>();
        services.AddScoped<RectifyRating>();
        services.AddScoped<SuperviseCases>();
        services.AddScoped<Features.HomeVisits.HomeVisits>();
        StaffPolicies.Add(services);
        services.AddScoped<RemindDeferred>();
        services.AddScoped<IDeferredReminders>(sp => sp.GetRequiredService<RemindDeferred>());
        services.AddHostedService<DeferredReminderWorker>();
        services.AddSingleton(new MySpaceLink("/my/cases", "我的办件", "My cases", 10, "my-cases-link"));
        services.AddSingleton(new MySpaceLink("/my/cases#drafts", "草稿", "Drafts", 20, "my-drafts-link"));
        services.AddSingleton(new MySpaceLink("/my/home-visits", "上门服务", "Home visits", 45, "my-home-visits-link"));
        services.AddSingleton(new AdminLink("/admin/cases", "办件工作台", "Case workbench",
            "按角色和部门的待办办件、时限预警", "Cases waiting for your role and department, with time-limit warnings", StaffPolicies.CaseStaff, 15));
        services.AddSingleton(new AdminLink("/admin/cases/agent", "驿站代办", "Station agent application",
            "凭申请人的代办授权，在驿站代为申请", "Apply at the station for a principal who authorised you", Policies.StationAgent, 15));
        services.AddSingleton(new AdminLink("/admin/ratings", "好差评与整改", "Ratings and rectifications",
            "申请人评价、差评整改、回访与申诉", "Applicants' ratings, rectifications of bad ones, call-backs and appeals", StaffPolicies.CaseStaff, 16));
        services.AddSingleton(new AdminLink("/admin/home-visits", "上门服务", "Home visits",
            "老年人、残疾人的上门服务申请：指派人员、登记上门、答复", "Home visits asked for by elderly and disabled residents: name who goes, record the visit, decline", StaffPolicies.WalkIn, 16));
        services.AddSingleton(new AdminLink("/admin/supervision", "效能督办", "Supervision",
            "各部门超期和临期办件、督办单及答复", "Overdue and near-due cases per department, supervision orders and answers", Policies.EfficiencySupervisor, 17));
        services.AddSingleton(new AdminLink("/admin/supervision/orders", "督办单答复", "Supervision orders to answer",
            "本部门收到的督办单，逐一答复", "Supervision orders sent to your department, to answer", StaffPolicies.DepartmentStaff, 17));
        return services;
    }

    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/applications").WithTags("Applications");
        ApplyEndpoints.Map(api);
        BundleEndpoints.Map(api);
        MaterialEndpoints.Map(api);
        MyCaseEndpoints.Map(api);
        CaseEndpoints.Map(api);
        RatingEndpoints.Map(api);
        SupervisionEndpoints.Map(api);
        Features.HomeVisits.HomeVisitEndpoints.Map(api);
        return endpoints;
    }
}
