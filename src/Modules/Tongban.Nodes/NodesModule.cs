using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit;
using Tongban.Kernel.Data;
using Tongban.Kernel.Outbox;
using Tongban.Kernel.Security;
using Tongban.Kernel.Web;
using Tongban.Nodes.Contracts;
using Tongban.Nodes.Data;
using Tongban.Nodes.Directory;
using Tongban.Nodes.Node;
using Tongban.Registries.Contracts;

namespace Tongban.Nodes;

/// <summary>
/// Exchange nodes (前置机, ADR 0014): on the platform the central directory of members' nodes and services and its
/// signed configuration; on a department's node (<c>Tongban:Role=node</c>) the configuration client, the node's key
/// and its hash-chained message log.
/// </summary>
public static class NodesModule
{
    public static IServiceCollection AddNodes(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NodesOptions>(configuration.GetSection(NodesOptions.Section));
        services.AddModuleDatabase<NodesDbContext, NodesSqliteContext, NodesPostgresContext>(configuration, "nodes", NodesDbContext.Prefix);
        if (NodeRole.IsNode(configuration))
        {
            var node = configuration.GetSection(NodesOptions.Section).Get<NodesOptions>() ?? new NodesOptions();
            NodeClients.AddTokenServer(services, node, plainHttp: node.AllowPlainHttpOnLoopback || configuration.GetValue<bool>("Authentication:DevelopmentSignIn"));
            return services.AddNodePart();
        }
        services.AddScoped<ConfigurationPublisher>();
        services.AddScoped<INodeDirectory, NodeDirectory>();
        services.AddScoped<NodeReports>();
        services.AddScoped<NodeOperations>();
        services.AddScoped<LogStamps>();
        services.AddSingleton(new AdminLink("/admin/nodes", "前置机运行", "Exchange nodes",
            "各单位前置机是否在线、版本、密钥和证书到期、每日调用与失败次数", "Whether members' nodes are up, versions, key and certificate expiry, daily calls and failures",
            Policies.SystemAdministrator, 85));
        services.AddScoped<IOutboxHandler, RevocationNotices>();
        services.AddHttpClient(RevocationNotices.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
        services.AddScoped<IDepartmentSystems, DepartmentSystems>();
        services.AddSingleton<PlatformNodeToken>();
        services.AddHttpClient(DepartmentSystems.HttpClientName)
            .ConfigureHttpClient((sp, c) => c.Timeout = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NodesOptions>>().Value.Platform.Timeout);
        return services;
    }

    private static IServiceCollection AddNodePart(this IServiceCollection services)
    {
        services.AddSingleton<NodeKeys>();
        services.AddSingleton<INodeKeys>(sp => sp.GetRequiredService<NodeKeys>());
        services.AddSingleton<ConfigurationStore>();
        services.AddHttpClient(ConfigurationRefresher.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<ConfigurationRefresher>();
        services.AddHostedService(sp => sp.GetRequiredService<ConfigurationRefresher>());
        services.AddSingleton<NodeLogStamps>();
        services.AddSingleton<INodeLog>(sp => sp.GetRequiredService<NodeLogStamps>());
        services.AddHostedService(sp => sp.GetRequiredService<NodeLogStamps>());
        services.AddHashChain<NodesDbContext, MessageLogEntry, MessageLogHead>(MessageLogEntry.ChainName);
        services.AddSingleton<MessageLog>();
        services.AddSingleton<SubjectDigests>();
        services.AddSingleton<ReplayGuard>();
        services.AddSingleton<OperationCounter>();
        services.AddScoped<NodeHealth>();
        services.AddSingleton<NodeTransport>();
        // The two clients of every call (to the provider node, to the department's system) log nothing per request: the
        // message log records each call, and the client factory's logging handlers cost a few per cent at 1,000 calls a second.
        services.AddHttpClient(CallService.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<NodeTransport>().PrimaryHandler())
            .AddHttpMessageHandler(sp => new PlainHttpGuard(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<NodesOptions>>()))
            .RemoveAllLoggers();
        services.AddHttpClient(Adapter.HttpClientName).RemoveAllLoggers();
        services.AddSingleton<Adapter>();
        services.AddSingleton<CallService>();
        services.AddSingleton<AnswerMessage>();
        services.AddSingleton<PushQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<PushQueue>());
        services.AddSingleton<PushInbox>();
        return services;
    }

    public static IEndpointRouteBuilder MapNodes(this IEndpointRouteBuilder endpoints)
    {
        if (endpoints.ServiceProvider.GetService<ConfigurationStore>() is not null)
        {
            var node = endpoints.MapGroup("/node").WithTags("Node");
            NodeEndpoints.Map(node);
            CallEndpoints.Map(node);
            PushEndpoints.Map(node);
        }
        else
            DirectoryEndpoints.Map(endpoints.MapGroup("/api/nodes").WithTags("Nodes"));
        return endpoints;
    }
}
