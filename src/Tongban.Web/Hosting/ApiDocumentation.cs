using Scalar.AspNetCore;

namespace Tongban.Web.Hosting;

/// <summary>The OpenAPI document at /openapi/v1.json and its interactive reference at /openapi (<see cref="OperationsAccess"/>).</summary>
public static class ApiDocumentation
{
    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Tongban API";
            document.Info.Description = "一网通办平台接口 · The Tongban platform API";
            return Task.CompletedTask;
        }));

    public static WebApplication MapApiDocumentation(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(OperationsAccess.Policy);
        app.MapScalarApiReference("/openapi", o => o.WithTitle("Tongban API").WithOpenApiRoutePattern("/openapi/{documentName}.json"))
            .RequireAuthorization(OperationsAccess.Policy);
        return app;
    }
}
