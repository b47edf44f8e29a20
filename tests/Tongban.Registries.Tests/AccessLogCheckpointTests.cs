using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Audit.Checkpoints;
using Tongban.Kernel.Security;
using Tongban.Registries.Contracts;
using Tongban.Registries.Data;
using Tongban.Registries.Domain;
using Tongban.Registries.Features.LogAccess;

namespace Tongban.Registries.Tests;

/// <summary>The access log's chain gets signed checkpoints like the audit log's; its own app, since the test forges the log.</summary>
public sealed class AccessLogCheckpointTests(ClassLaneApps apps) : IClassFixture<ClassLaneApps>
{
    private static readonly RegistryRead Social = new("client:social-security", "11211200MB1234567X", "clerk-0042", "社会保险待遇资格认证", "population-basic");

    [Theory]
    [DatabaseLanes]
    public async Task Rewriting_the_access_log_and_recomputing_its_hashes_is_caught_by_its_signed_checkpoint(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var id = RegistryRecords.NewIdNumber();
        await RegistryRecords.AddAsync(app, RegistryRecords.Person(id, "赵敏"));
        await ReadAsync(app, id, 3);
        var good = await SignAsync(app);
        await ReadAsync(app, id, 3);
        await SignAsync(app);
        var system = await app.SignInAsync("系统管理员", Policies.SystemAdministrator);
        var intact = await system.GetFromJsonAsync<JsonElement>("/api/registries/access-log/verification");
        Assert.True(intact.GetProperty("isIntact").GetBoolean(), intact.ToString());

        // Someone with the database's password hides a read: a new purpose, every later hash and the head recomputed.
        await using (var scope = app.Services.CreateAsyncScope())
            await ChainForgery.RewriteAsync<AccessLogEntry, AccessLogHead>(scope.ServiceProvider.GetRequiredService<RegistriesDbContext>(), good + 2,
                e => e.Set(nameof(AccessLogEntry.Purpose), "办理业务"));

        var broken = await system.GetFromJsonAsync<JsonElement>("/api/registries/access-log/verification");
        Assert.Equal(("Rewritten", good + 1), (broken.GetProperty("fault").GetString(), broken.GetProperty("sequence").GetInt64()));
    }

    private static async Task ReadAsync(TongbanApp app, string id, int times)
    {
        for (var i = 0; i < times; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IRegistryRecords>().ReadAsync(RegistryKind.Population, id, ["name"], Social, default);
        }
    }

    private static async Task<long> SignAsync(TongbanApp app) =>
        (await app.Services.GetRequiredService<CheckpointSigner>().SignDueAsync(force: true, CancellationToken.None)).Single(c => c.Chain == AccessLog.ChainName).Sequence;
}
