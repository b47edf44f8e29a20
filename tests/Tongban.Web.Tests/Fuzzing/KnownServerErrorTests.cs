using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Tongban.Kernel.Security;

namespace Tongban.Web.Tests.Fuzzing;

/// <summary>The server errors fuzzing found, each answered now as what it is: a malformed request, a refusal, an empty page.</summary>
public sealed class KnownServerErrorTests(LaneApps apps)
{
    private const string DemoCitizen = "211221196805129013";

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<string> ItemCodeAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/catalog/items?take=1")).GetProperty("items")[0].GetProperty("implementationCode").GetString()!;

    [Theory, DatabaseLanes]
    public async Task A_walk_in_with_a_null_application_is_a_malformed_request_naming_the_member(DatabaseLane lane)
    {
        var clerk = await (await apps.For(lane)).SignInAsync("窗口人员", Policies.WindowClerk);
        var item = await ItemCodeAsync(clerk);
        using var response = await clerk.PostAsync("/api/applications/walk-ins", Json($$"""{"idNumber":"{{DemoCitizen}}","itemCode":"{{item}}","application":null}"""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("request.malformed", problem.GetProperty("code").GetString());
        Assert.Contains("$.application", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task An_implementation_with_a_null_or_repeated_member_is_a_malformed_request(DatabaseLane lane)
    {
        var admin = await (await apps.For(lane)).SignInAsync("事项管理员", Policies.CatalogAdministrator);
        var item = await ItemCodeAsync(admin);
        string[] bodies =
        [
            """{"implementationCode":null,"divisionCode":"211221000000","departmentCreditCode":"11211200028410570F"}""",
            """{"divisionCode":"211221000000","departmentCreditCode":"11211200028410570F"}""",
            """{"implementationCode":"A1","implementationCode":"A2","divisionCode":"211221000000","departmentCreditCode":"11211200028410570F"}""",
        ];
        foreach (var body in bodies)
        {
            using var response = await admin.PostAsync($"/api/catalog/items/{item}/implementations", Json(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Theory, DatabaseLanes]
    public async Task A_staff_session_opening_a_citizens_case_page_or_receipt_is_told_to_use_a_personal_account(DatabaseLane lane)
    {
        var staff = await (await apps.For(lane)).SignInAsync("工作人员", Policies.WindowClerk);
        foreach (var path in new[] { "/my/cases/TB20260000000001", "/my/cases/TB20260000000001/receipt" })
        {
            using var response = await staff.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("请使用个人账户登录", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Theory, DatabaseLanes]
    public async Task A_search_page_far_beyond_the_catalog_is_empty(DatabaseLane lane)
    {
        var client = (await apps.For(lane)).CreateClient();
        foreach (var query in new[] { "q=公积金&skip=2147483647", "skip=2147483647", "q=gjj&skip=2147483647&take=2147483647" })
        {
            var result = await client.GetFromJsonAsync<JsonElement>($"/api/catalog/search?{query}");
            Assert.Equal(0, result.GetProperty("hits").GetArrayLength());
        }
    }
}
