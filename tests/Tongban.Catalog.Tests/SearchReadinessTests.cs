using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Tongban.Catalog.Search;

namespace Tongban.Catalog.Tests;

/// <summary>An instance says it is ready only once its search index is built.</summary>
public sealed class SearchReadinessTests(LaneApps apps)
{
    [Fact]
    public async Task Readiness_is_unhealthy_while_the_index_is_not_built_and_healthy_once_it_is()
    {
        var app = await apps.For(DatabaseLane.Sqlite);
        var store = new SearchIndexStore(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<SearchIndexStore>.Instance);
        var check = new SearchIndexReadiness(store) { WaitAtMost = TimeSpan.Zero };
        var before = await check.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal((HealthStatus.Unhealthy, "search index building"), (before.Status, before.Description));
        await store.GetAsync(CancellationToken.None);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
    }

    [Fact]
    public async Task The_ready_endpoint_answers_healthy_only_with_the_index_built()
    {
        var app = await apps.For(DatabaseLane.Sqlite);
        Assert.Equal("Healthy", await app.CreateClient().GetStringAsync("/health/ready"));
        Assert.True(app.Services.GetRequiredService<SearchIndexStore>().IsBuilt);
    }
}
