using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tongban.Federation.Features.Reconcile;
using Tongban.Kernel.Errors;
using Tongban.Kernel.Time;

namespace Tongban.Federation.Tests;

/// <summary>Issue #21 point 4: both sides compare count and hash per kind and day; a mismatch narrows to the records that differ, which go again.</summary>
public sealed class ReconciliationTests(Pairs pairs) : IClassFixture<Pairs>
{
    [Theory, DatabaseLanes]
    public async Task Fifty_three_approved_twenty_three_arrived_reconciliation_ends_with_fifty_three_of_fifty_three(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var day = new DateOnly(2026, 4, 1);
        for (var i = 1; i <= 53; i++) await pair.ConcludeCaseAsync($"RC53-{i:D3}", day, UpChannelTests.KnownItem);
        await pair.PushAsync();
        // The province lost 30 of them (the source report's failure): 23 arrived.
        await pair.OnProvinceAsync(async db => await db.Records.Where(r => r.Day == day && r.Kind == "case").OrderBy(r => r.Key).Take(30).ExecuteDeleteAsync());
        Assert.Equal(23, await ProvinceCountAsync(pair, day));

        var result = (await pair.ReconcileAsync(day)).Single(r => r.Kind == "case");

        Assert.Equal((53, 30, true), (result.Records, result.Resent, result.Matched));
        Assert.Equal(53, await ProvinceCountAsync(pair, day));
        Assert.True((await pair.ReconcileAsync(day)).All(r => r.Matched && r.Resent == 0)); // a second run finds nothing to do
    }

    [Theory, DatabaseLanes]
    public async Task Acknowledged_rows_past_the_kept_days_are_deleted_unacknowledged_ones_stay_and_such_a_day_is_no_longer_reconciled(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var (old, kept) = (new DateOnly(2020, 1, 6), new DateOnly(2020, 2, 3)); // older than every other test's day
        await pair.ConcludeCaseAsync("PR-1", old, UpChannelTests.KnownItem);
        await pair.ConcludeCaseAsync("PR-2", kept, UpChannelTests.KnownItem);
        await pair.PushAsync();
        await pair.ConcludeCaseAsync("PR-3", old, UpChannelTests.KnownItem); // not pushed: waits, however old
        var options = pair.City.Services.GetRequiredService<IOptions<FederationOptions>>().Value;
        var today = pair.City.Services.GetRequiredService<RegionClock>().Today;
        options.KeepSentDays = today.DayNumber - new DateOnly(2020, 2, 1).DayNumber; // the first day kept: 1 February 2020
        try
        {
            await using (var scope = pair.City.Services.CreateAsyncScope())
                Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<Pruner>().PruneAsync(CancellationToken.None));
            var left = await pair.OnCityAsync(db => db.Outgoing.Where(r => r.Key.StartsWith("PR-")).Select(r => new { r.Key, r.Sent }).ToListAsync());
            Assert.Equal([("PR-2", true), ("PR-3", false)], left.Select(r => (r.Key, r.Sent)).OrderBy(r => r.Key));
            Assert.Equal(2, await pair.OnProvinceAsync(db => db.Records.CountAsync(r => r.Key == "PR-1" || r.Key == "PR-2"))); // the province keeps its copy

            var refused = await Assert.ThrowsAsync<DomainException>(() => pair.ReconcileAsync(old));
            Assert.Equal("federation.day_pruned", refused.Errors[0].Code);
            Assert.Contains("2020-02-01", refused.Errors[0].Chinese, StringComparison.Ordinal);
            Assert.True((await pair.ReconcileAsync(kept)).All(r => r.Matched)); // a kept day still is
        }
        finally
        {
            options.KeepSentDays = 0;
        }
    }

    [Theory, DatabaseLanes]
    public async Task A_mismatch_in_a_large_day_is_narrowed_by_halving_to_the_missing_and_older_records_only(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var day = new DateOnly(2026, 4, 2);
        // Staged straight into fed_outgoing (the staging has its own tests): 700 records are more than one listing holds.
        await pair.OnCityAsync(async db =>
        {
            for (var i = 1; i <= 700; i++)
            {
                var row = Domain.OutgoingRecord.Stage("case", $"RC7-{i:D4}", day, null, "{\"v\":1}", DateTimeOffset.UtcNow);
                if (i == 650) row.Change(null, "{\"v\":3}", DateTimeOffset.UtcNow);
                db.Outgoing.Add(row);
            }
            return await db.SaveChangesAsync();
        });
        await pair.PushAsync();
        await pair.OnProvinceAsync(async db => await db.Records.Where(r => r.Key == "RC7-0007" || r.Key == "RC7-0400").ExecuteDeleteAsync());
        await pair.OnProvinceAsync(async db => await db.Records.Where(r => r.Key == "RC7-0650").ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, 1)));

        var result = (await pair.ReconcileAsync(day)).Single(r => r.Kind == "case");

        Assert.Equal((700, 3, true), (result.Records, result.Resent, result.Matched));
        Assert.Equal(700, await ProvinceCountAsync(pair, day));
        Assert.Equal(2, await pair.OnProvinceAsync(db => db.Records.Where(r => r.Key == "RC7-0650").Select(r => r.Version).SingleAsync()));
    }

    [Theory, DatabaseLanes]
    public async Task The_province_status_page_shows_each_city_with_its_last_exchange_and_reconciliation_in_words_only(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var day = new DateOnly(2026, 4, 3);
        await pair.ConcludeCaseAsync("RC-S-1", day, UpChannelTests.KnownItem);
        await pair.PushAsync();
        await pair.ReconcileAsync(day);

        var admin = await pair.Province.SignInAsync("系统管理员", Kernel.Security.Policies.SystemAdministrator);
        var page = await admin.GetStringAsync("/admin/federation");
        Assert.Contains("铁岭市", page, StringComparison.Ordinal);
        Assert.Contains("朝阳市", page, StringComparison.Ordinal);
        Assert.Contains("一致", page, StringComparison.Ordinal);
        Assert.DoesNotContain(Pair.CityCode, page, StringComparison.Ordinal);
        Assert.DoesNotContain("PUBLIC KEY", page, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-", page);

        var cityAdmin = await pair.City.SignInAsync("系统管理员", Kernel.Security.Policies.SystemAdministrator);
        var cityPage = await cityAdmin.GetStringAsync("/admin/federation");
        Assert.Contains("待上报记录", cityPage, StringComparison.Ordinal);
        Assert.Contains("最近一次对账", cityPage, StringComparison.Ordinal);
        using var citizen = await pair.Province.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/admin/federation");
        Assert.NotEqual(HttpStatusCode.OK, citizen.StatusCode);
    }

    private static Task<int> ProvinceCountAsync(Pair pair, DateOnly day) =>
        pair.OnProvinceAsync(db => db.Records.CountAsync(r => r.City == Pair.CityCode && r.Kind == "case" && r.Day == day));
}
