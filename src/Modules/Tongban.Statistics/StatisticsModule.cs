using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Web;
using Tongban.Statistics.Contracts;
using Tongban.Statistics.Data;
using Tongban.Statistics.Features.Dashboard;
using Tongban.Statistics.Features.ItemIndicators;
using Tongban.Statistics.Features.HallFigures;
using Tongban.Statistics.Features.KeepFacts;
using Tongban.Statistics.Features.LicenseFigures;
using Tongban.Statistics.Features.PublicPerformance;
using Tongban.Statistics.Features.QueryFigures;
using Tongban.Statistics.Features.Rebuild;

namespace Tongban.Statistics;

/// <summary>Statistics and supervision figures (统计与效能): case facts and daily roll-ups kept from events, indicators defined once, API, dashboard, exports.</summary>
public static class StatisticsModule
{
    public static IServiceCollection AddStatistics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<StatisticsDbContext, StatisticsSqliteContext, StatisticsPostgresContext>(configuration, "statistics", StatisticsDbContext.Prefix);
        services.AddScoped<RollupWriter>();
        services.AddScoped<FactKeeper>();
        services.AddScoped<IOutboxHandler, CaseNoticeHandler>();
        services.AddScoped<IOutboxHandler, CaseRatedHandler>();
        services.AddScoped<IOutboxHandler, OnSiteRatedHandler>();
        services.AddScoped<IOutboxHandler, CaseWithdrawnHandler>();
        services.AddScoped<IOutboxHandler, CaseTripHandler>();
        services.AddScoped<IOutboxHandler, RectificationReportedHandler>();
        services.AddScoped<IOutboxHandler, RectificationAppealedHandler>();
        services.AddScoped<IOutboxHandler, RectificationAppealDecidedHandler>();
        services.AddScoped<Labels>();
        services.AddScoped<FigureReader>();
        services.AddScoped<Tongban.Kernel.Web.INetworkFigures, Features.NetworkFigures.NetworkFigureReader>();
        services.AddScoped<Tongban.Kernel.Web.IOverdueFigures, Features.NetworkFigures.OverdueFigureReader>();
        services.AddScoped<FigureService>();
        services.AddScoped<CaseList>();
        services.AddScoped<Features.MonthlyReport.MonthlyReports>();
        services.AddSingleton<Features.MonthlyReport.MonthlyReportPdf>();
        services.AddScoped<ItemFigureService>();
        services.AddScoped<LicenseFigureService>();
        services.AddScoped<HallFigureService>();
        services.AddScoped<RefillFacts>();
        services.AddScoped<IStatisticsRebuild, RebuildRollups>();
        services.AddScoped<IRegionPackImporter, FactsImporter>();
        services.Configure<StatisticsOptions>(configuration.GetSection(StatisticsOptions.Section));
        services.AddScoped<PublicPerformance>();
        services.AddHostedService<Features.PublicPerformance.PerformancePublishWorker>();
        services.AddScoped<IPerformancePublisher>(sp => sp.GetRequiredService<PublicPerformance>());
        services.AddScoped<IRegionPackImporter, PerformanceImporter>();
        services.AddAuthorization(o =>
        {
            o.AddPolicy(StatisticsScope.Policy, p => p.RequireRole(StatisticsScope.Roles));
            o.AddPolicy(PerformanceEndpoints.PublisherPolicy, p => p.RequireRole(Policies.EfficiencySupervisor));
            o.AddPolicy(DepartmentModel.HeadPolicy, p => p.RequireRole(Policies.Leader).RequireClaim(StaffClaims.Department));
        });
        services.AddSingleton(new AdminLink("/statistics", "领导驾驶舱", "Leader's dashboard",
            "收件、办结、按时办结率、好差评等指标及其趋势，可逐级查看到办件", "Cases received and concluded, on-time rate, ratings and their trends, down to the cases",
            StatisticsScope.Policy, 18));
        services.AddSingleton(new AdminLink("/statistics/department", "本部门统计", "My department's figures",
            "本部门的办件、按时办结率、好差评与整改等指标和趋势，可查看到办件", "Your department's cases, on-time rate, ratings and rectifications with their trends, down to the cases",
            DepartmentModel.HeadPolicy, 17));
        services.AddSingleton(new AdminLink("/statistics/performance", "发布效能公示", "Publish the performance figures",
            "按月向公众公示各部门的按时办结率、好评率和网上可办率", "Publish each department's on-time rate, good ratings and online-handling rate to the public, month by month",
            PerformanceEndpoints.PublisherPolicy, 19));
        return services;
    }

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/statistics").WithTags("Statistics");
        ItemEndpoints.Map(api);
        LicenseEndpoints.Map(api, endpoints);
        HallEndpoints.Map(api, endpoints);
        StatisticsEndpoints.Map(api);
        ExportEndpoints.Map(endpoints);
        Features.MonthlyReport.ReportEndpoints.Map(endpoints);
        PerformanceEndpoints.Map(endpoints);
        return endpoints;
    }
}
