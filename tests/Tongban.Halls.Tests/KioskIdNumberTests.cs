using System.Net;
using System.Net.Http.Json;
using Tongban.Testing;

namespace Tongban.Halls.Tests;

/// <summary>预约签到 by ID number at the kiosk: posted only, checked by the kernel's rule, the holder's appointment of today at this hall; nothing else of the holder shown.</summary>
public sealed class KioskIdNumberTests(LaneApps lanes)
{
    private const string Hall = DemoHalls.County;

    private static Task<HttpResponseMessage> KioskAsync(HttpClient kiosk, string idNumber) =>
        kiosk.PostFormAsync($"/halls/{Hall}/kiosk", $"/halls/{Hall}/kiosk?handler=CheckInById", ("idNumber", idNumber));

    private static string WrongCheck(string id) => id[..17] + (id[17] == '0' ? '1' : '0');

    [Theory, DatabaseLanes]
    public async Task The_holders_id_number_typed_at_the_kiosk_checks_in_todays_appointment_and_reveals_nothing_else(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (idNumber, _, _) = await app.RegisterCitizenAsync("证件签到");
        var (otherId, _, _) = await app.RegisterCitizenAsync("证件无约");
        var holder = await app.AccountIdAsync(idNumber);
        var code = await app.PlaceAsync(Hall, "B", holder, DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromMinutes(30));
        await app.PlaceAsync(DemoHalls.Changtu, "B", await app.AccountIdAsync(otherId), DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromMinutes(30)); // another hall's
        var kiosk = app.Browser();

        using (var wrong = await KioskAsync(kiosk, WrongCheck(idNumber)))
        {
            var page = WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
            Assert.Contains("居民身份证号码校验位错误", page, StringComparison.Ordinal);
            Assert.DoesNotContain(idNumber[..17], page, StringComparison.Ordinal); // not echoed
        }
        foreach (var none in new[] { otherId, TestPeople.NewIdNumber() }) // an account with no appointment here, and no account: alike
        {
            using var missing = await KioskAsync(kiosk, none);
            var page = WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync());
            Assert.Contains("没有找到该证件号今天在本大厅的预约", page, StringComparison.Ordinal);
            Assert.DoesNotContain(none, page, StringComparison.Ordinal);
            Assert.DoesNotContain("证件无约", page, StringComparison.Ordinal);
        }
        using (var api = await kiosk.PostAsJsonAsync($"/api/halls/{Hall}/check-in", new { idNumber = WrongCheck(idNumber) }))
        {
            var problem = await api.ProblemAsync();
            Assert.Contains("校验位错误", problem, StringComparison.Ordinal);
            Assert.Contains("check character is wrong", problem, StringComparison.Ordinal);
        }
        using (var api = await kiosk.PostAsJsonAsync($"/api/halls/{Hall}/check-in", new { idNumber = otherId }))
            Assert.Contains("No appointment of today at this hall for that ID number", await api.ProblemAsync(), StringComparison.Ordinal);

        using var checkedIn = await KioskAsync(kiosk, idNumber.ToLowerInvariant());
        Assert.Equal(HttpStatusCode.Redirect, checkedIn.StatusCode);
        var location = checkedIn.Headers.Location!.ToString();
        Assert.DoesNotContain(idNumber, location, StringComparison.OrdinalIgnoreCase);
        var ticket = WebUtility.HtmlDecode(await kiosk.GetStringAsync(location));
        Assert.Contains("请取走您的号票", ticket, StringComparison.Ordinal);
        Assert.DoesNotContain("证件签到", ticket, StringComparison.Ordinal); // no name
        Assert.DoesNotContain(idNumber[..6] + "*", ticket, StringComparison.Ordinal); // no masked number either
        var number = location.Split('/')[^1].Split('?')[0];
        Assert.StartsWith("B", number, StringComparison.Ordinal);
        using (var again = await KioskAsync(kiosk, idNumber))
            Assert.Contains("没有找到该证件号今天在本大厅的预约", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal); // checked in once
        var clerk = await app.ClerkAsync(DemoHalls.CountyDepartment);
        Assert.Contains(number, await clerk.GetStringAsync($"/api/halls/{Hall}/bookings"), StringComparison.Ordinal);
        Assert.Contains(("anonymous", "halls.appointment_checked_in_by_id"), (await app.AuditOfAsync($"hall:{Hall}/appointment:{code}")).Select(a => (a.Actor, a.Action)));
        Assert.DoesNotContain(idNumber, string.Join(" ", (await app.AuditOfAsync($"hall:{Hall}/appointment:{code}")).Select(a => a.Details)), StringComparison.Ordinal);

        using (var asQuery = await kiosk.GetAsync($"/halls/{Hall}/kiosk?handler=CheckInById&idNumber={idNumber}"))
            Assert.Equal(HttpStatusCode.OK, asQuery.StatusCode); // a GET only shows the kiosk: the page has no GET look-up
    }

    [Theory, DatabaseLanes]
    public async Task Hostile_id_numbers_are_refused_never_a_server_error_and_check_in_nothing(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (idNumber, _, _) = await app.RegisterCitizenAsync("证件恶意");
        var holder = await app.AccountIdAsync(idNumber);
        await app.PlaceAsync(Hall, "C", holder, DateTimeOffset.UtcNow.AddMinutes(-5), TimeSpan.FromMinutes(30));
        var kiosk = app.Browser();
        HttpStatusCode[] refusals = [HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.UnprocessableEntity, HttpStatusCode.Conflict];
        foreach (var input in Fuzz.Strings(idNumber, mutations: 25, seed: lane == DatabaseLane.Sqlite ? 41 : 43).Where(s => !s.Trim().Equals(idNumber, StringComparison.OrdinalIgnoreCase)))
        {
            using var page = await KioskAsync(kiosk, input);
            await Fuzz.AssertHandledAsync(page, input, refusals);
            Assert.DoesNotContain("<script>alert", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            using var api = await kiosk.PostAsJsonAsync($"/api/halls/{Hall}/check-in", new { idNumber = input });
            await Fuzz.AssertHandledAsync(api, input, refusals);
        }
        using var done = await KioskAsync(kiosk, idNumber);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode); // no hostile input checked it in: the exact number still does
    }
}
