using Tongban.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
if (Tongban.Nodes.Contracts.NodeRole.IsNode(builder.Configuration))
{
    await builder.RunNodeAsync();
    return;
}

builder.AddObservability();
builder.Services.AddTongbanModules(builder.Configuration);
builder.Services.AddWebShell(builder.Configuration);
builder.Services.AddStaffAuthentication(builder.Configuration);
builder.Services.AddTransportSecurity(builder.Configuration);
builder.Services.AddOperationsAccess(builder.Configuration);
builder.Services.AddApiDocumentation();

var app = builder.Build();

app.UseTransportSecurity();
app.UseWebShell();
app.MapHealth();
app.MapApiDocumentation();
app.MapObservability();
app.MapWebShell();
app.MapTongbanModules();

await app.PrepareDatabaseAsync();
await app.RefuseUnsafeStartAsync();
await app.RunAsync();

/// <summary>Entry point; public so functional tests can host it with WebApplicationFactory.</summary>
public partial class Program;
