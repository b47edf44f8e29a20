namespace Tongban.Web.Hosting;

/// <summary>
/// The host in the node role (<c>Tongban:Role=node</c>, ADR 0014): a department's exchange node runs the kernel and the
/// Nodes module behind the same web server, with no pages, no sign-in and no other module, so it exposes only what a
/// node does. Health, metrics (for operations) and transport security are the platform's own.
/// </summary>
public static class NodeHost
{
    public static async Task RunNodeAsync(this WebApplicationBuilder builder)
    {
        builder.AddObservability();
        builder.Services.AddTongbanModules(builder.Configuration);
        builder.Services.AddProblemDetails();
        builder.Services.AddTransportSecurity(builder.Configuration);
        builder.Services.AddOperationsAccess(builder.Configuration);
        builder.Services.AddAuthentication();
        // The node's key ring, in its database: its OAuth2 access tokens (Nodes' NodeClients) outlive a restart.
        builder.Services.AddTongbanDataProtection();

        var app = builder.Build();
        app.UseTransportSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealth();
        app.MapObservability();
        app.MapTongbanModules();

        await app.PrepareDatabaseAsync();
        await app.RunAsync();
    }
}
