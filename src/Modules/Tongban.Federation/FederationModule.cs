using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Contracts;
using Tongban.Federation.Contracts;
using Tongban.Federation.Data;
using Tongban.Federation.Features;
using Tongban.Federation.Features.CatalogFeed;
using Tongban.Federation.Features.PushUp;
using Tongban.Federation.Features.Receive;
using Tongban.Federation.Features.Reconcile;
using Tongban.Federation.Features.Status;
using Tongban.Federation.Kinds;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Web;
using Tongban.Licenses.Contracts;

namespace Tongban.Federation;

/// <summary>
/// Federation with the province (省市数据对接, ADR 0017): a city pushes its records up through one store-and-forward
/// channel and reconciles them, and pulls the provincial catalog down; a province receives records from its registered
/// cities and gives them its catalog's changes. <c>Federation:Role</c> chooses.
/// </summary>
public static class FederationModule
{
    public static IServiceCollection AddFederation(this IServiceCollection services, IConfiguration configuration)
    {
        var options = FederationOptions.From(configuration);
        services.Configure<FederationOptions>(configuration.GetSection(FederationOptions.Section));
        services.AddModuleDatabase<FederationDbContext, FederationSqliteContext, FederationPostgresContext>(configuration, "federation", FederationDbContext.Prefix);
        // The kinds of record that go up, each with the events it listens to: a new kind is one line here and its class.
        Up<CaseKind>(services, options, CaseChangedForApplicant.MessageType);
        Up<RatingKind>(services, options, CaseRated.MessageType, OnSiteRated.MessageType);
        Up<LicenseKind>(services, options, LicenseIssued.MessageType, LicenseStatusChanged.MessageType);

        services.AddHttpClient(SignedRequests.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<SignedRequests>();
        services.AddScoped<Pusher>();
        services.AddScoped<Reconciler>();
        services.AddScoped<Pruner>();
        services.AddScoped<IFederationReconciliation>(sp => sp.GetRequiredService<Reconciler>());
        services.AddScoped<CityGate>();
        services.AddScoped<ReceiveRecords>();
        services.AddScoped<AnswerDigest>();
        services.AddScoped<FederationStatus>();
        services.AddScoped<AnswerCatalog>();
        services.AddScoped<CatalogPuller>();
        services.AddScoped<IFederationCatalogPull>(sp => sp.GetRequiredService<CatalogPuller>());
        if (options.IsCity)
        {
            services.AddHostedService<PushWorker>();
            services.AddHostedService<ReconcileWorker>();
            services.AddHostedService<CatalogPullWorker>();
        }
        services.AddSingleton(new AdminLink("/admin/federation", "省市数据对接", "Federation with the province",
            "办件、评价、证照向省级平台上报的情况，积压、失败与对账结果；省级事项目录的同步", "Cases, ratings and licenses pushed to the province: backlog, failures and reconciliation; the provincial catalog pulled down",
            Policies.SystemAdministrator, 60));
        return services;
    }

    public static IEndpointRouteBuilder MapFederation(this IEndpointRouteBuilder endpoints)
    {
        // No sign-in: a city proves itself by signing the body with its registered key (CityGate).
        var api = endpoints.MapGroup("/api/federation").WithTags("Federation").AllowAnonymous().DisableAntiforgery();
        api.MapPost("/records", (HttpRequest request, ReceiveRecords receive, CancellationToken ct) => receive.HandleAsync(request, ct));
        api.MapPost("/digest", (HttpRequest request, AnswerDigest answer, CancellationToken ct) => answer.HandleAsync(request, ct));
        api.MapPost("/catalog", (HttpRequest request, AnswerCatalog answer, CancellationToken ct) => answer.HandleAsync(request, ct))
            .WithSummary("The provincial catalog's changes after a cursor, for a registered city's signed question; the answer is signed with the province's key");
        return endpoints;
    }

    private static void Up<TKind>(IServiceCollection services, FederationOptions options, params string[] messageTypes) where TKind : UpwardKind
    {
        services.AddScoped<TKind>();
        services.AddScoped<UpwardKind>(sp => sp.GetRequiredService<TKind>());
        if (!options.IsCity) return;
        foreach (var type in messageTypes)
            services.AddScoped<IOutboxHandler>(sp => new StageHandler(type, sp.GetRequiredService<TKind>(), sp.GetRequiredService<FederationDbContext>(), sp.GetRequiredService<TimeProvider>()));
    }
}
