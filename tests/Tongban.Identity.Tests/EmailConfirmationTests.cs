using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Identity.Contracts;
using Tongban.Identity.Data;
using Tongban.Identity.Features.MyAccount;

namespace Tongban.Identity.Tests;

/// <summary>An e-mail address is confirmed through a single-use, expiring link before notices go to it.</summary>
public sealed class EmailConfirmationTests(LaneApps lanes)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, DatabaseLanes]
    public async Task A_new_address_is_confirmed_once_through_its_link_and_only_a_hash_of_the_token_is_kept(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (_, _, citizen) = await app.RegisterAsync();
        var account = await People.AccountIdAsync(citizen);
        var address = TestMail.NewAddress();
        await citizen.SetEmailAsync(address);
        Assert.Contains("状态：未确认", People.Text(await citizen.GetStringAsync("/account", Ct)));
        var token = await app.LatestConfirmationTokenAsync(address);
        Assert.DoesNotContain(token, await StoredTokenAsync(app, account));

        Assert.Contains("确认此地址", await citizen.GetStringAsync($"/account/email/confirm?token={token}", Ct)); // opening the link changes nothing
        Assert.False((await ContactAsync(app, account)).EmailConfirmed);
        using var confirmed = await citizen.ConfirmEmailAsync(token);
        Assert.Contains("电子邮件地址已确认", await confirmed.Content.ReadAsStringAsync(Ct));
        Assert.True((await ContactAsync(app, account)).EmailConfirmed);
        Assert.Contains("状态：已确认", People.Text(await citizen.GetStringAsync("/account", Ct)));

        using var again = await citizen.ConfirmEmailAsync(token);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        Assert.Contains("确认链接无效", await again.Content.ReadAsStringAsync(Ct));
    }

    [Theory, DatabaseLanes]
    public async Task Changing_the_address_resets_confirmation_and_the_old_link_no_longer_works(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (_, _, citizen) = await app.RegisterAsync();
        var account = await People.AccountIdAsync(citizen);
        var (first, second) = (TestMail.NewAddress(), TestMail.NewAddress());
        await citizen.SetEmailAsync(first);
        var oldToken = await app.LatestConfirmationTokenAsync(first);
        await citizen.SetConfirmedEmailAsync(app, second);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await citizen.ConfirmEmailAsync(oldToken)).StatusCode);

        await citizen.SetEmailAsync(second); // the same address again keeps its confirmation
        Assert.True((await ContactAsync(app, account)).EmailConfirmed);
        await citizen.SetEmailAsync(TestMail.NewAddress());
        Assert.False((await ContactAsync(app, account)).EmailConfirmed);
    }

    [Theory, DatabaseLanes]
    public async Task An_expired_link_and_another_persons_link_are_refused(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (_, _, citizen) = await app.RegisterAsync();
        var (_, _, other) = await app.RegisterAsync();
        var account = await People.AccountIdAsync(citizen);
        var address = TestMail.NewAddress();
        await citizen.SetEmailAsync(address);
        var token = await app.LatestConfirmationTokenAsync(address);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await other.ConfirmEmailAsync(token)).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
            var stored = await db.UserTokens.SingleAsync(t => t.UserId == account && t.LoginProvider == EmailConfirmationTokens.Store, Ct);
            var value = stored.Value!;
            var hash = value[value.IndexOf(':', StringComparison.Ordinal)..];
            stored.Value = DateTimeOffset.UtcNow.AddMinutes(-1).UtcTicks.ToString(CultureInfo.InvariantCulture) + hash;
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await citizen.ConfirmEmailAsync(token)).StatusCode);
        Assert.False((await ContactAsync(app, account)).EmailConfirmed);
    }

    private static async Task<string> StoredTokenAsync(TongbanApp app, Guid account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().UserTokens
            .SingleAsync(t => t.UserId == account && t.LoginProvider == EmailConfirmationTokens.Store, Ct)).Value!;
    }

    private static async Task<AccountContact> ContactAsync(TongbanApp app, Guid account)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().ContactAsync(account, Ct))!;
    }
}
