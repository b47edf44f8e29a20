using Microsoft.Extensions.Options;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Seeding;
using Tongban.Kernel.Time;

namespace Tongban.Web.Hosting;

/// <summary>What must hold before an instance outside development serves anyone.</summary>
public static class StartupChecks
{
    /// <summary>
    /// Outside development, an account holding a password published with the demo region (its README gives it to
    /// everyone) stops the start, unless this is a declared demo instance (<c>Region:SeedDemoWhenEmpty</c>).
    /// The development sign-in outside development is allowed (benchmarks use it) but said loudly.
    /// </summary>
    public static async Task RefuseUnsafeStartAsync(this WebApplication app)
    {
        if (app.Environment.IsDevelopment()) return;
        if (app.Services.GetRequiredService<IOptions<AuthenticationOptions>>().Value.DevelopmentSignIn)
            app.Logger.LogWarning("Authentication:DevelopmentSignIn is on outside development: anyone may sign in as any staff role at /sign-in. Never in production.");
        var region = app.Services.GetRequiredService<IOptions<RegionOptions>>().Value;
        if (region.SeedDemoWhenEmpty)
        {
            app.Logger.LogWarning("Region:SeedDemoWhenEmpty is on: a demo instance, whose demo accounts have passwords published in the README. Never in production.");
            return;
        }
        if (!TryLocate(region.DemoPack, out var pack)) return;
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = await scope.ServiceProvider.GetRequiredService<IPublishedPasswords>().StillInUseAsync(pack, app.Lifetime.ApplicationStopping);
        if (accounts.Count == 0) return;
        var message = $"拒绝启动：{accounts.Count}个账号仍使用演示数据公开的密码。 Refusing to start: {accounts.Count} account(s) ({string.Join(", ", accounts)}) " +
            $"still have the password published for the demo region in regions/{pack.Name}/accounts.json, so anyone can sign in as them. " +
            "Start production from an empty database (Region:SeedDemoWhenEmpty is off by default) and create the first administrator with " +
            "`tongban identity create-admin`; or give each of these accounts a password of its own at /account/security. " +
            "Only a demo instance, never production, may keep them: Region:SeedDemoWhenEmpty=true.";
        app.Logger.LogCritical("{Refusal}", message);
        throw new InvalidOperationException(message);
    }

    private static bool TryLocate(string name, out RegionPack pack)
    {
        try
        {
            pack = RegionPack.Locate(name);
            return true;
        }
        catch (DirectoryNotFoundException)
        {
            pack = null!;
            return false;
        }
    }
}
