using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Licenses.Contracts;
using Tongban.Licenses.Data;

namespace Tongban.Licenses.Tests;

/// <summary>
/// The license library's monthly figures (ILicenseFigures, which the statistics read): a period is counted at once with
/// each license put in its month by SQL, and must give what reading its months one by one gives.
/// </summary>
public sealed class MonthlyFigureTests(LaneApps lanes)
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8); // the demo region's
    [Theory, DatabaseLanes]
    public async Task A_period_puts_each_license_in_its_month_as_reading_the_months_one_by_one_does(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        // Recorded around the region's month ends (UTC+8), in years no other test uses: 00:30 on 1 April is still March in
        // UTC, 07:59 on 1 May still April. Imported, then dated (as the platform stores instants: in UTC): a license counts
        // in the month the platform recorded it.
        DateTimeOffset[] recorded =
        [
            new(2016, 3, 31, 23, 59, 0, Offset), new(2016, 4, 1, 0, 30, 0, Offset), new(2016, 4, 30, 12, 0, 0, Offset), new(2016, 5, 1, 7, 59, 0, Offset),
            new(2016, 6, 15, 9, 0, 0, Offset), new(2017, 11, 30, 23, 0, 0, Offset), new(2017, 12, 1, 0, 0, 0, Offset),
        ];
        var numbers = recorded.Select(_ => History.Number()).ToList();
        var summary = await app.ImportAsync(History.Csv([.. numbers.Select(n => History.Line(n))]));
        Assert.Equal(recorded.Length, summary.Imported);
        await using (var dating = app.Services.CreateAsyncScope())
        {
            var db = dating.ServiceProvider.GetRequiredService<LicensesDbContext>();
            foreach (var (number, at) in numbers.Zip(recorded))
                Assert.Equal(1, await db.Licenses.Where(l => l.Number == number).ExecuteUpdateAsync(u => u.SetProperty(l => l.IssuedAt, at.ToUniversalTime()), TestContext.Current.CancellationToken));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var figures = scope.ServiceProvider.GetRequiredService<ILicenseFigures>();
        var ct = TestContext.Current.CancellationToken;
        var part = await figures.MonthlyAsync(new DateOnly(2016, 3, 10), new DateOnly(2016, 6, 20), Samples.Samr, ct);
        Assert.Equal([("2016-03", 1L), ("2016-04", 2L), ("2016-05", 1L), ("2016-06", 1L)], part.Select(r => (r.Month, r.Imported)));

        // Three years: more months than one read counts, so it is read in parts; the same rows as month by month.
        var (from, to) = (new DateOnly(2016, 1, 20), new DateOnly(2018, 12, 10));
        var whole = await figures.MonthlyAsync(from, to, null, ct);
        List<LicenseMonthFigures> oneByOne = [];
        for (var month = new DateOnly(2016, 1, 1); month <= to; month = month.AddMonths(1))
        {
            var last = month.AddMonths(1).AddDays(-1);
            oneByOne.AddRange(await figures.MonthlyAsync(month < from ? from : month, last > to ? to : last, null, ct));
        }
        Assert.Equal(oneByOne, whole);
        Assert.Contains(whole, r => r.Month == "2017-12" && r.DepartmentCreditCode == Samples.Samr && r.Imported >= 1);
    }
}
