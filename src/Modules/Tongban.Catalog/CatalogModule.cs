using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalog.Data;
using Tongban.Catalog.Features;
using Tongban.Catalog.Features.ImportFeed;
using Tongban.Catalog.Features.SearchItems;
using Tongban.Catalog.Features.ShowGuide;
using Tongban.Catalog.Search;
using Tongban.Kernel.Data;
using Tongban.Kernel.Security;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Web;

namespace Tongban.Catalog;

/// <summary>The catalog of service items (事项库): elements, versions, legality review, provincial feed, search, guides.</summary>
public static class CatalogModule
{
    public static IServiceCollection AddCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDatabase<CatalogDbContext, CatalogSqliteContext, CatalogPostgresContext>(configuration, "catalog", CatalogDbContext.Prefix);
        services.AddSingleton<SearchIndexStore>();
        services.AddHostedService<SearchIndexWarmup>();
        services.AddHealthChecks().AddCheck<SearchIndexReadiness>("catalog-search", tags: ["ready"]);
        services.AddScoped<CatalogChanges>();
        services.AddChangeListener<SearchIndexStore>(ChangeTopics.Catalog, (index, _) => index.Invalidate()); // rebuilt before the next search
        services.AddScoped<ListingProjector>();
        services.AddScoped<ImportFeed>();
        services.AddScoped<Contracts.ICatalogImport, Features.GenerateCatalog.CatalogGenerator>();
        services.AddScoped<Contracts.ICatalogFeedSource, Features.PublishFeed.PublishedChanges>();
        services.AddScoped<GuideQueries>();
        services.AddScoped<BlankForms>();
        services.AddScoped<Contracts.IServiceItems, Features.FindApplicableItem.ServiceItems>();
        services.AddScoped<Contracts.IServiceItemSearch, Features.FindApplicableItem.ServiceItems>();
        services.AddScoped<Contracts.ICatalogFigures, Features.ReportCatalog.CatalogFigures>();
        services.AddScoped<Contracts.IItemPlaces, Features.ListPlaces.ItemPlaces>();
        services.AddScoped<Features.ManageItems.ManageItems>();
        services.AddScoped<Features.ReportCatalog.CatalogStatistics>();
        services.AddScoped<Features.ReportCatalog.ConsistencyReport>();
        services.AddScoped<Features.ShowLifeEvent.LifeEventQueries>();
        services.AddScoped<IRegionPackImporter, CatalogPackImporter>();
        services.AddSingleton(new AdminLink("/admin/catalog", "事项目录", "Item catalog",
            "起草、提交、合法性审查、省级目录导入、一致性报告、同义词", "Drafts, submission, legality review, provincial feed, consistency report, synonyms", Policies.CatalogAdministrator, 20));
        services.AddSingleton(new AdminLink("/admin/catalog", "合法性审查", "Legality review",
            "审查待发布的事项版本", "Review item versions waiting to be published", Policies.LegalityReviewer, 21));
        services.AddSingleton<ListingActivator>();
        services.AddHostedService(sp => sp.GetRequiredService<ListingActivator>());
        return services;
    }

    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/catalog").WithTags("Catalog");
        SearchEndpoints.Map(api);
        GuideEndpoints.Map(api);
        FeedEndpoints.Map(api);
        Features.ManageItems.ItemEndpoints.Map(api);
        Features.ReportCatalog.ReportEndpoints.Map(api);
        return endpoints;
    }
}
