using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Contracts;
using Tongban.Identity.Contracts;
using Tongban.Kernel.Identifiers;
using Tongban.Licenses.Contracts;

namespace Tongban.Federation.Tests;

/// <summary>Issue #21 point 3: cases and ratings go up from the outbox through fed_outgoing, versioned, signed, retried, never lost.</summary>
public sealed class UpChannelTests(Pairs pairs) : IClassFixture<Pairs>
{
    internal const string KnownItem = "11211200061012195B00070501100001"; // 居住证申领, in the demo catalog of both

    [Theory, DatabaseLanes]
    public async Task A_concluded_case_and_its_rating_reach_the_province_once_in_the_national_shape_with_the_applicant_masked(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var (idNumber, _, _) = await pair.City.RegisterCitizenAsync("刘淑珍");
        await using var scope = pair.City.Services.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().FindByIdNumberAsync(idNumber, CancellationToken.None);
        await pair.ConcludeCaseAsync("UP-0001", new DateOnly(2026, 3, 2), KnownItem, account!.Id);
        await pair.DeliverAsync(CaseRated.MessageType, new CaseRated(Guid.NewGuid(), "UP-0001", 2, true, new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8))), DateTimeOffset.UtcNow);

        Assert.True(await pair.PushAsync() >= 2);

        var stored = await pair.OnProvinceAsync(db => db.Records.Where(r => r.City == Pair.CityCode && r.Key == "UP-0001").ToListAsync());
        Assert.Equal(["case", "rating"], stored.Select(r => r.Kind).Order());
        var caseRecord = JsonDocument.Parse(stored.Single(r => r.Kind == "case").Payload).RootElement;
        Assert.Equal(3, stored.Single(r => r.Kind == "case").Version); // submitted, accepted, concluded
        Assert.Equal(KnownItem, caseRecord.GetProperty("implementationCode").GetString());
        Assert.Equal("3", caseRecord.GetProperty("statusCode").GetString()); // 已完结
        Assert.Equal("2", caseRecord.GetProperty("caseTypeCode").GetString()); // 承诺件
        Assert.Equal("1", caseRecord.GetProperty("sourceCode").GetString()); // 网上申报
        Assert.Equal("20260302090000", caseRecord.GetProperty("applyTime").GetString());
        Assert.Equal("20260307235959", caseRecord.GetProperty("promisedEndTime").GetString());
        Assert.Equal("刘**", caseRecord.GetProperty("applicant").GetProperty("name").GetString());
        Assert.Equal(ResidentIdNumber.Mask(idNumber), caseRecord.GetProperty("applicant").GetProperty("idNumber").GetString());
        Assert.DoesNotContain(idNumber, stored.Single(r => r.Kind == "case").Payload, StringComparison.Ordinal);
        var rating = JsonDocument.Parse(stored.Single(r => r.Kind == "rating").Payload).RootElement;
        Assert.Equal("4", rating.GetProperty("satisfactionCode").GetString()); // GB/T 39046: 4 不满意
        Assert.Equal("2", rating.GetProperty("provincialSatisfaction").GetString()); // provincial push: 2 不满意
        Assert.Equal("1", rating.GetProperty("provincialChannel").GetString()); // rated on the website
        Assert.Equal(0, await pair.OnCityAsync(db => db.Outgoing.CountAsync(r => r.Key == "UP-0001" && !r.Sent)));
    }

    [Theory, DatabaseLanes]
    public async Task A_rating_taken_at_a_hall_window_goes_up_with_its_case_as_a_tablet_rating_and_one_without_a_case_stays(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var at = new DateTimeOffset(2026, 3, 6, 15, 0, 0, TimeSpan.FromHours(8));
        await pair.ConcludeCaseAsync("UP-0006", new DateOnly(2026, 3, 6), KnownItem);
        var (joined, alone) = (Guid.NewGuid(), Guid.NewGuid());
        await pair.DeliverAsync(OnSiteRated.MessageType, new OnSiteRated(joined, "UP-0006", KnownItem, "居住证申领", "11211200MB0000000X", "211200000000", 5, false, at), at);
        await pair.DeliverAsync(OnSiteRated.MessageType, new OnSiteRated(alone, "", "", "", "11211200MB0000000X", "211200000000", 1, true, at), at);

        await pair.PushAsync();

        var ratings = await pair.OnProvinceAsync(db => db.Records.Where(r => r.City == Pair.CityCode && r.Kind == "rating" && r.Key.StartsWith("UP-0006")).ToListAsync());
        var rating = Assert.Single(ratings);
        Assert.Equal($"UP-0006/{joined:N}", rating.Key); // one per visit: the case's own rating online keeps the case number alone
        var record = JsonDocument.Parse(rating.Payload).RootElement;
        Assert.Equal(("UP-0006", "1", "5", "4"), (record.GetProperty("caseNumber").GetString(), record.GetProperty("satisfactionCode").GetString(),
            record.GetProperty("provincialSatisfaction").GetString(), record.GetProperty("provincialChannel").GetString())); // 4 大厅平板
        Assert.False(await pair.OnCityAsync(db => db.Outgoing.AnyAsync(r => r.Key.EndsWith(alone.ToString("N")))));
    }

    [Theory, DatabaseLanes]
    public async Task Events_of_one_case_staged_by_several_workers_at_once_all_reach_its_record(DatabaseLane lane)
    {
        // Two instances' outbox workers (here six) staging steps of one case at the same moment: on PostgreSQL the saves
        // race on the record's key and version; each loser stages again on the newer row, and no step is lost.
        var pair = await pairs.For(lane);
        var at = new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(8));
        var submitted = new CaseChangedForApplicant(Guid.NewGuid(), "UP-0009", "事项", Guid.NewGuid(), ApplicantNoticeKinds.Submitted, null, null, at, KnownItem);
        string[] kinds = [ApplicantNoticeKinds.Submitted, ApplicantNoticeKinds.CorrectionRequested, ApplicantNoticeKinds.Accepted, ApplicantNoticeKinds.Concluded];
        var notices = kinds.Select((kind, i) => submitted with { Kind = kind, OccurredAt = at.AddMinutes(10 * i) }).ToList();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            foreach (var notice in notices.Skip(worker % notices.Count).Concat(notices.Take(worker % notices.Count)))
                await pair.DeliverAsync(CaseChangedForApplicant.MessageType, notice, at);
        })));

        var row = await pair.OnCityAsync(db => db.Outgoing.SingleAsync(r => r.Key == "UP-0009"));
        var steps = JsonDocument.Parse(row.Payload).RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("action").GetString()).ToList();
        Assert.Equal(kinds, steps);
        Assert.InRange(row.Version, kinds.Length, 6 * kinds.Length); // a version per change that changed something
    }

    [Theory, DatabaseLanes]
    public async Task A_repeated_event_changes_nothing_and_a_later_step_raises_the_version_the_province_then_takes(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var at = new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.FromHours(8));
        var submitted = new CaseChangedForApplicant(Guid.NewGuid(), "UP-0002", "事项", Guid.NewGuid(), ApplicantNoticeKinds.Submitted, null, null, at, KnownItem);
        await pair.DeliverAsync(CaseChangedForApplicant.MessageType, submitted, at);
        await pair.DeliverAsync(CaseChangedForApplicant.MessageType, submitted, at);
        Assert.Equal(1, await pair.OnCityAsync(db => db.Outgoing.Where(r => r.Key == "UP-0002").Select(r => r.Version).SingleAsync()));
        await pair.PushAsync();

        await pair.DeliverAsync(CaseChangedForApplicant.MessageType, submitted with { Kind = ApplicantNoticeKinds.Accepted, OccurredAt = at.AddHours(1) }, at);
        Assert.Equal(2, await pair.OnCityAsync(db => db.Outgoing.Where(r => r.Key == "UP-0002").Select(r => r.Version).SingleAsync()));
        await pair.PushAsync();
        var stored = await pair.OnProvinceAsync(db => db.Records.SingleAsync(r => r.City == Pair.CityCode && r.Key == "UP-0002"));
        Assert.Equal(2, stored.Version);
        Assert.Equal("2", JsonDocument.Parse(stored.Payload).RootElement.GetProperty("statusCode").GetString()); // 办理中
    }

    [Theory, DatabaseLanes]
    public async Task A_failed_push_keeps_every_row_due_with_a_back_off_and_a_later_push_delivers_them(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        await pair.ConcludeCaseAsync("UP-0003", new DateOnly(2026, 3, 4), KnownItem);
        pair.Link.FailNext = 1;
        Assert.Equal(0, await pair.PushAsync());
        var row = await pair.OnCityAsync(db => db.Outgoing.AsNoTracking().SingleAsync(r => r.Key == "UP-0003"));
        Assert.False(row.Sent);
        Assert.Equal(1, row.Attempts);
        Assert.True(row.NextAttemptAt > DateTimeOffset.UtcNow);
        Assert.False(await pair.OnProvinceAsync(db => db.Records.AnyAsync(r => r.Key == "UP-0003")));

        // The back-off passes (as the pusher would see it later): the row goes, once.
        await pair.OnCityAsync(async db => { (await db.Outgoing.SingleAsync(r => r.Key == "UP-0003")).MakeDue(DateTimeOffset.UtcNow); return await db.SaveChangesAsync(); });
        Assert.True(await pair.PushAsync() >= 1);
        Assert.Equal(3, await pair.OnProvinceAsync(db => db.Records.Where(r => r.Key == "UP-0003").Select(r => r.Version).SingleAsync()));
        Assert.True(await pair.OnCityAsync(db => db.Outgoing.Where(r => r.Key == "UP-0003").Select(r => r.Sent).SingleAsync()));
    }

    [Theory, DatabaseLanes]
    public async Task A_batch_on_its_way_is_leased_so_another_instance_pushing_meanwhile_does_not_send_it_again(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        await pair.ConcludeCaseAsync("UP-0007", new DateOnly(2026, 3, 7), KnownItem);
        pair.Link.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = pair.PushAsync(); // one instance's push, held on the wire
        while (pair.Link.Held == 0) await Task.Delay(20, TestContext.Current.CancellationToken);
        var leased = await pair.OnCityAsync(db => db.Outgoing.AsNoTracking().SingleAsync(r => r.Key == "UP-0007"));
        Assert.True(leased.NextAttemptAt > DateTimeOffset.UtcNow.AddMinutes(1)); // leased for Federation:PushLease

        Assert.Equal(0, await pair.PushAsync()); // another instance meanwhile: nothing of it is due
        var hold = pair.Link.Hold;
        pair.Link.Hold = null;
        hold.SetResult();
        Assert.True(await first >= 1);
        Assert.True(await pair.OnCityAsync(db => db.Outgoing.Where(r => r.Key == "UP-0007").Select(r => r.Sent).SingleAsync()));
    }

    [Theory, DatabaseLanes]
    public async Task A_license_issued_then_suspended_reaches_the_province_with_its_holder_masked_and_its_latest_status(DatabaseLane lane)
    {
        var pair = await pairs.For(lane);
        var at = new DateTimeOffset(2026, 3, 5, 10, 0, 0, TimeSpan.FromHours(8));
        var idNumber = TestPeople.NewIdNumber();
        const string identifier = "1.2.156.3005.2.11100000000013338W032.11211200MB0000000X.0000001.001.F";
        await pair.DeliverAsync(LicenseIssued.MessageType, new LicenseIssued(Guid.NewGuid(), identifier, "11100000000013338W032", "居住证", "11211200MB0000000X",
            "111", idNumber, "王小明", "No.1", new DateOnly(2026, 3, 5), null, "case", null, at), at);
        await pair.DeliverAsync(LicenseStatusChanged.MessageType, new LicenseStatusChanged(Guid.NewGuid(), identifier, "11211200MB0000000X", "01", "02", "核查", at.AddDays(1)), at);

        await pair.PushAsync();

        var stored = await pair.OnProvinceAsync(db => db.Records.SingleAsync(r => r.City == Pair.CityCode && r.Kind == "license" && r.Key == identifier));
        Assert.Equal(2, stored.Version);
        var license = JsonDocument.Parse(stored.Payload).RootElement;
        Assert.Equal("02", license.GetProperty("statusCode").GetString());
        Assert.Equal(["01", "03"], license.GetProperty("operations").EnumerateArray().Select(o => o.GetProperty("code").GetString())); // 新发, 暂扣
        Assert.Equal(ResidentIdNumber.Mask(idNumber), license.GetProperty("holderCode").GetString());
        Assert.Equal("王**", license.GetProperty("holderName").GetString());
        Assert.Equal("长期", license.GetProperty("validUntil").GetString());
        Assert.DoesNotContain(idNumber, stored.Payload, StringComparison.Ordinal);
    }
}
