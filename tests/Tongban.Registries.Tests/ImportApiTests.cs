using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tongban.Kernel.Security;
using static Tongban.Registries.Tests.ImportFiles;

namespace Tongban.Registries.Tests;

// A registry takes one import at a time: the classes that import share the assembly's apps one after another.
[Collection("registry imports")]
public sealed class ImportApiTests(LaneApps apps)
{
    private async Task<(TongbanApp App, HttpClient Admin)> AdminAsync(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        return (app, await app.SignInAsync("数据管理员", Policies.DataAdministrator));
    }

    private static StringContent Body(string content, string type) => new(content, Encoding.UTF8, type);

    [Theory]
    [DatabaseLanes]
    public async Task A_data_administrator_uploads_a_file_and_gets_the_summary(DatabaseLane lane)
    {
        var (_, admin) = await AdminAsync(lane);
        var day = new DateOnly(1921, 1, 1);
        var content = Csv(PersonHeader, Person(Id(day, 901), "上传甲"), Person(BadCheck(Id(day, 902)), "上传乙"));

        var response = await admin.PostAsync("/api/registries/population/imports?format=csv", Body(content, "application/octet-stream"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 1, 1), (summary.GetProperty("lines").GetInt32(), summary.GetProperty("added").GetInt32(), summary.GetProperty("rejected").GetInt32()));
        var rejection = summary.GetProperty("firstRejections")[0];
        Assert.Equal((3, "idNumber", "id_number.check"), (rejection.GetProperty("line").GetInt32(), rejection.GetProperty("field").GetString(), rejection.GetProperty("code").GetString()));
        Assert.Equal("居民身份证号码校验位错误", rejection.GetProperty("chinese").GetString());

        var again = await (await admin.PostAsync("/api/registries/population/imports", Body(content, "text/csv"))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 1), (again.GetProperty("added").GetInt32(), again.GetProperty("unchanged").GetInt32()));
    }

    [Theory]
    [DatabaseLanes]
    public async Task JSON_lines_are_taken_from_the_content_type(DatabaseLane lane)
    {
        var (_, admin) = await AdminAsync(lane);
        var line = $$"""{"code":"T-API-1","kind":"place","name":"上传广场","divisionCode":"{{Village}}","geometry":{"type":"Point","coordinates":[123.5,42.1]},"updatedOn":"2025-01-02"}""";
        var response = await admin.PostAsync("/api/registries/geospatial/imports", Body(line + "\n", "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines").GetInt32());
    }

    [Theory]
    [DatabaseLanes]
    public async Task Unknown_registries_and_formats_and_missing_columns_are_problems_not_errors(DatabaseLane lane)
    {
        var (_, admin) = await AdminAsync(lane);
        async Task<(HttpStatusCode, string?)> Post(string url, string body, string type)
        {
            var response = await admin.PostAsync(url, Body(body, type));
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (response.StatusCode, problem.GetProperty("code").GetString());
        }

        Assert.Equal((HttpStatusCode.UnprocessableEntity, "import.registry_unknown"), await Post("/api/registries/weather/imports?format=csv", "a\n", "text/csv"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "import.format"), await Post("/api/registries/population/imports?format=xlsx", "a\n", "text/csv"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "import.format"), await Post("/api/registries/population/imports", "a\n", "application/octet-stream"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "csv.column_missing"), await Post("/api/registries/population/imports?format=csv", "idNumber\n1\n", "text/csv"));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "csv.empty"), await Post("/api/registries/population/imports?format=csv", "", "text/csv"));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Only_a_data_administrator_may_import(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("窗口人员", Policies.WindowClerk);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync("/api/registries/population/imports?format=csv", Body(PersonHeader + "\n", "text/csv"))).StatusCode);
        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.PostAsync("/api/registries/population/imports?format=csv", Body(PersonHeader + "\n", "text/csv"))).StatusCode);
    }
}
