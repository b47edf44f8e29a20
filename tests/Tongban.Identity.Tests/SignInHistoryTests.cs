using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Identifiers;

namespace Tongban.Identity.Tests;

public sealed class SignInHistoryTests(LaneApps lanes)
{
    private static int Rows(string html, string action) => Regex.Count(html, $"<tr class=\"event-{action}\">");

    [Theory, DatabaseLanes]
    public async Task A_citizen_sees_their_own_sign_ins_failures_and_step_up_with_time_and_outcome_and_nobody_elses(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, client) = await app.RegisterAsync("历史甲");
        var (otherId, _, _) = await app.RegisterAsync("历史乙");
        using (await app.Browser().PasswordSignInAsync(id, "Wrong-Password-9")) { }
        using (await app.Browser().PasswordSignInAsync(otherId, "Wrong-Password-9")) { }
        using (await app.Browser().PasswordSignInAsync(otherId, "Wrong-Password-8")) { }
        using (await client.PasswordSignInAsync(id, People.Password)) { }
        using (await client.PostFormAsync("/account/verify", "/account/verify?handler=Verify")) { }
        await app.DrainOutboxAsync();

        var page = People.Text(await client.GetStringAsync("/account/sign-in-history"));
        Assert.Equal(1, Rows(page, "sign_in_failed"));
        Assert.Equal(2, Rows(page, "signed_in")); // registering signs in too
        Assert.Equal(1, Rows(page, "step_up"));
        Assert.Contains("未成功", page, StringComparison.Ordinal);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", page); // in the region's zone
    }

    [Theory, DatabaseLanes]
    public async Task A_lockout_shows_in_the_history_and_an_unknown_account_failure_is_audited_under_the_masked_login(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (id, _, client) = await app.RegisterAsync("历史丙");
        for (var i = 0; i < 11; i++)
            using (await app.Browser().PasswordSignInAsync(id, "Wrong-Password-" + i)) { }
        var unknown = People.NewIdNumber();
        using (await app.Browser().PasswordSignInAsync(unknown, People.Password)) { }
        await app.DrainOutboxAsync();

        var page = People.Text(await client.GetStringAsync("/account/sign-in-history"));
        Assert.Equal(1, Rows(page, "locked_out"));
        Assert.Equal(10, Rows(page, "sign_in_failed")); // nine before the lock, one while locked
        Assert.Contains("账号锁定期间", page, StringComparison.Ordinal); // the note in words, not as recorded

        await using var scope = app.Services.CreateAsyncScope();
        var kernel = scope.ServiceProvider.GetRequiredService<KernelDbContext>();
        var entry = await kernel.AuditEntries.Where(e => e.Subject == $"login:{ResidentIdNumber.Mask(unknown)}").SingleAsync();
        Assert.Equal(("anonymous", "identity.sign_in_failed"), (entry.Actor, entry.Action));
        Assert.Contains("unknown account", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(await kernel.AuditEntries.Select(e => e.Subject + e.Details).ToListAsync(), s => s.Contains(unknown, StringComparison.Ordinal));
    }

    [Theory, DatabaseLanes]
    public async Task The_history_needs_an_account(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        using var anonymous = await app.Browser().GetAsync("/account/sign-in-history");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        var developer = await app.SignInAsync("开发者", Kernel.Security.Policies.WindowClerk);
        using var noAccount = await developer.GetAsync("/account/sign-in-history");
        Assert.NotEqual(HttpStatusCode.OK, noAccount.StatusCode);
    }
}
