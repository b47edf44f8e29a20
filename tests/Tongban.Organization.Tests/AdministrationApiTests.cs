using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Security;
using Tongban.Organization.Contracts;

namespace Tongban.Organization.Tests;

public sealed class AdministrationApiTests(LaneApps apps)
{
    private async Task<(TongbanApp App, HttpClient Admin)> AdminAsync(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        return (app, await app.SignInAsync("管理员", Policies.SystemAdministrator));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_administrator_adds_a_village_and_it_is_listed_under_its_township(DatabaseLane lane)
    {
        var (app, admin) = await AdminAsync(lane);
        var response = await admin.PostAsJsonAsync("/api/organization/divisions", new { code = "211221101990", name = "测试村", validFrom = "2026-01-01" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var villages = await app.CreateClient().GetFromJsonAsync<DivisionInfo[]>("/api/organization/divisions?parent=211221101000");
        Assert.Contains(villages!, v => v.Code == "211221101990" && v.Name == "测试村" && v.Level == 5);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_duplicate_division_code_is_a_conflict_naming_the_code(DatabaseLane lane)
    {
        var (_, admin) = await AdminAsync(lane);
        var response = await admin.PostAsJsonAsync("/api/organization/divisions", new { code = "211221101000", name = "重复" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("division.duplicate", problem.GetProperty("code").GetString());
        Assert.Equal("code", problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_malformed_division_code_is_refused_in_the_readers_language(DatabaseLane lane)
    {
        var (_, admin) = await AdminAsync(lane);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/organization/divisions") { Content = JsonContent.Create(new { code = "21122A", name = "坏代码" }) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("A division code has 6, 9 or 12 digits", problem.GetProperty("title").GetString());
        Assert.Equal("行政区划代码应为6、9或12位数字", problem.GetProperty("errors")[0].GetProperty("zh").GetString());
    }

    [Theory]
    [DatabaseLanes]
    public async Task Writing_needs_a_signed_in_system_administrator(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var anonymous = await app.CreateClient().PostAsJsonAsync("/api/organization/divisions", new { code = "211221101991", name = "x" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var clerk = await app.SignInAsync("窗口人员", Policies.WindowClerk);
        var forbidden = await clerk.PostAsJsonAsync("/api/organization/divisions", new { code = "211221101991", name = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_csv_import_with_a_bad_line_applies_nothing_and_names_every_bad_line(DatabaseLane lane)
    {
        var (app, admin) = await AdminAsync(lane);
        var csv = "code,name,level,valid_from,valid_to\n211221102990,好村,village,2020-01-01,\n2112211029,坏代码,village,2020-01-01,\n211221102991,日期错,village,2020/01/01,\n211221102990,重复,village,2020-01-01,\n";
        var response = await admin.PostAsync("/api/organization/divisions/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fields = (await ProblemAsync(response)).GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()).ToList();
        Assert.Equal(["upload.csv line 3, code", "upload.csv line 4, valid_from", "upload.csv line 5, code"], fields);
        var villages = await app.CreateClient().GetFromJsonAsync<DivisionInfo[]>("/api/organization/divisions?parent=211221102000");
        Assert.DoesNotContain(villages!, v => v.Code == "211221102990");
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_good_csv_import_adds_every_line_and_is_audited(DatabaseLane lane)
    {
        var (app, admin) = await AdminAsync(lane);
        var csv = "code,name,level,valid_from,valid_to\n211221103980,甲村,,2020-01-01,\n211221103981,乙村,village,,\n";
        var response = await admin.PostAsync("/api/organization/divisions/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("imported").GetInt32());

        await app.DrainOutboxAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var audit = scope.ServiceProvider.GetRequiredService<KernelDbContext>().AuditEntries;
        Assert.True(await audit.AnyAsync(e => e.Action == "organization.divisions_imported" && e.Actor == "user:dev:管理员", TestContext.Current.CancellationToken));
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_hall_is_created_given_a_window_and_shown_on_its_public_page(DatabaseLane lane)
    {
        var (app, admin) = await AdminAsync(lane);
        var created = await admin.PostAsJsonAsync("/api/organization/halls", new
        {
            slug = $"test-{lane}".ToLowerInvariant(), name = "新台子镇便民服务中心", divisionCode = "211221101000", address = "新台子镇政府一楼",
            busRoutes = new[] { "铁岭—新台子线" }, openingHours = new[] { new { from = "08:30", to = "11:30" }, new { from = "13:00", to = "16:30" } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var department = (await app.CreateClient().GetFromJsonAsync<DepartmentInfo[]>("/api/organization/departments?division=211200"))![0];

        var window = await admin.PostAsJsonAsync($"/api/organization/halls/test-{lane}".ToLowerInvariant() + "/windows",
            new { number = "1", departmentId = department.Id, name = "综合受理" });
        Assert.Equal(HttpStatusCode.Created, window.StatusCode);
        var again = await admin.PostAsJsonAsync($"/api/organization/halls/test-{lane}".ToLowerInvariant() + "/windows",
            new { number = "1", departmentId = department.Id, name = "重复" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var page = await app.CreateClient().GetStringAsync($"/halls/test-{lane}".ToLowerInvariant());
        Assert.Contains("新台子镇政府一楼", page, StringComparison.Ordinal);
        Assert.Contains("08:30–11:30", page, StringComparison.Ordinal);
        Assert.Contains(department.Name, page, StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_hall_with_an_unreadable_time_is_refused_and_nothing_is_stored(DatabaseLane lane)
    {
        var (app, admin) = await AdminAsync(lane);
        var response = await admin.PostAsJsonAsync("/api/organization/halls", new
        {
            slug = "bad-hours", name = "坏时间", divisionCode = "211221000000", address = "某地", openingHours = new[] { new { from = "8点半", to = "17:00" } },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateClient().GetAsync("/api/organization/halls/bad-hours")).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Unreadable_json_is_a_bad_request_not_a_server_error(DatabaseLane lane)
    {
        var (_, admin) = await AdminAsync(lane);
        var response = await admin.PostAsync("/api/organization/divisions", new StringContent("{\"code\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("request.malformed", (await ProblemAsync(response)).GetProperty("code").GetString());
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_station_at_county_level_is_refused_and_one_in_a_village_is_added(DatabaseLane lane)
    {
        var (_, admin) = await AdminAsync(lane);
        var county = await admin.PostAsJsonAsync("/api/organization/stations", new { key = $"t-county-{lane}", name = "错站", kind = "Yizhan", divisionCode = "211221000000" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, county.StatusCode);

        var village = await admin.PostAsJsonAsync("/api/organization/stations", new
        {
            key = $"t-village-{lane}", name = "懿路村便民服务站（二）", kind = "ServicePoint", divisionCode = "211221101200",
            staff = new[] { new { name = "王芳", role = "agent", phone = "13800000000" } },
        });
        Assert.Equal(HttpStatusCode.Created, village.StatusCode);
    }
}
