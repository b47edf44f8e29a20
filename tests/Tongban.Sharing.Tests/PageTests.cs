using System.Net;
using System.Net.Http.Json;
using Tongban.Kernel.Security;
using static Tongban.Sharing.Tests.Demo;

namespace Tongban.Sharing.Tests;

/// <summary>The admin pages: forms that work without JavaScript, errors inline on the field, every page renders.</summary>
public sealed class PageTests(LaneApps apps)
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TongbanApp.AntiforgeryTokenAsync(client, path);
        return await client.PostAsync($"{path}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> Form(string name) => new()
    {
        ["Input.Name"] = name, ["Input.Summary"] = "全市养犬登记和年检信息", ["Input.ProviderCreditCode"] = PublicSecurity,
        ["Input.Classification"] = "Departmental", ["Input.CategoryPath"] = "公安/养犬管理", ["Input.Registry"] = "",
        ["Input.SharingType"] = "Conditional", ["Input.SharingTerms"] = "用于城市管理执法核查", ["Input.UpdateCycle"] = "Weekly",
        ["Input.Format"] = "JSON", ["Input.AccessMode"] = "Api",
        ["Input.Items[0].ItemName"] = "licenseNumber", ["Input.Items[0].Label"] = "养犬登记证号", ["Input.Items[0].Type"] = "string", ["Input.Items[0].Sensitivity"] = "Internal",
        ["Input.Items[1].ItemName"] = "ownerIdNumber", ["Input.Items[1].Label"] = "犬主身份证号", ["Input.Items[1].Type"] = "string", ["Input.Items[1].Sensitivity"] = "Sensitive",
        ["Input.Items[2].ItemName"] = "", ["Input.Items[2].Label"] = "", ["Input.Items[2].Type"] = "string", ["Input.Items[2].Sensitivity"] = "Internal",
    };

    [Theory]
    [DatabaseLanes]
    public async Task A_resource_registered_through_the_form_opens_on_its_own_page(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("公安局数据员", Policies.DataAdministrator);

        var more = await PostFormAsync(clerk, "/admin/sharing/resources/new", "AddRows", Form("养犬登记信息"));
        Assert.Equal(HttpStatusCode.OK, more.StatusCode);
        var page = await more.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("name=\"Input.Items[4].ItemName\"", page, StringComparison.Ordinal); // two typed rows and three spare ones
        Assert.Contains("value=\"ownerIdNumber\"", page, StringComparison.Ordinal);

        var response = await PostFormAsync(clerk, "/admin/sharing/resources/new", "", Form("养犬登记信息"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches($"^/admin/sharing/resources/{PublicSecurity}-[0-9]{{5}}$", location);
        var detail = await clerk.GetStringAsync(location, TestContext.Current.CancellationToken);
        Assert.Contains("养犬登记信息", detail, StringComparison.Ordinal);
        Assert.Contains("id=\"resource-status\">草稿", detail, StringComparison.Ordinal);

        var submitted = await PostFormAsync(clerk, location, "Submit", []);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var own = await PostFormAsync(clerk, location, "Approve", new() { ["Opinion"] = "" });
        Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        Assert.Contains("不能审核自己登记或提交的资源", await own.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_refused_form_shows_the_message_on_the_field_and_keeps_what_was_typed(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("公安局数据员", Policies.DataAdministrator);
        var form = Form("");
        form["Input.SharingTerms"] = "";
        var response = await PostFormAsync(clerk, "/admin/sharing/resources/new", "", form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("field is required", html, StringComparison.Ordinal);
        Assert.Matches("data-valmsg-for=\"Input.Name\">请填写资源名称</span>", html);
        Assert.Matches("data-valmsg-for=\"Input.SharingTerms\">有条件共享的资源须写明共享条件</span>", html);
        Assert.Contains("value=\"养犬登记证号\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_department_requests_a_resource_through_the_form_and_the_provider_declines_it(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("交通局数据员", Of(Consumers[8]), Policies.DataAdministrator);
        var provider = await app.SignInAsync("发改委数据员", Of(Development), Policies.DataAdministrator);
        var chooser = await clerk.GetStringAsync($"/admin/sharing/requests?resource={CreditLists}", TestContext.Current.CancellationToken);
        Assert.Contains("value=\"subjectCode\"", chooser, StringComparison.Ordinal);

        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.ResourceCode", CreditLists), new("Input.ConsumerCreditCode", Consumers[8]), new("Input.Purpose", "道路运输经营许可审批中核查失信情况"),
            new("Input.Fields", "subjectCode"), new("Input.Fields", "list"), new("Input.ValidFrom", DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd")),
            new("Input.ValidUntil", DateTime.UtcNow.AddDays(200).ToString("yyyy-MM-dd")),
            new("__RequestVerificationToken", await TongbanApp.AntiforgeryTokenAsync(clerk, $"/admin/sharing/requests?resource={CreditLists}")),
        };
        var created = await clerk.PostAsync("/admin/sharing/requests", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = created.Headers.Location!.OriginalString.Split("#request-")[1];

        var page = await provider.GetStringAsync("/admin/sharing/requests", TestContext.Current.CancellationToken);
        Assert.Contains($"id=\"request-{id}\"", page, StringComparison.Ordinal);
        var noReason = await PostFormAsync(provider, "/admin/sharing/requests", $"Decline&id={id}", new() { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        var declined = await PostFormAsync(provider, "/admin/sharing/requests", $"Decline&id={id}", new() { ["Reason"] = "用途不在名单共享范围内" });
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Contains("已拒绝：用途不在名单共享范围内", await provider.GetStringAsync("/admin/sharing/requests", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_grant_is_revoked_through_the_grants_page_with_a_reason(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("数据管理员", Policies.DataAdministrator);
        var created = await admin.PostAsync("/api/sharing/requests", JsonContent.Create(new
        {
            consumerCreditCode = Consumers[9], resourceCode = Geospatial, purpose = "水利工程选址", fields = new[] { "code", "geometry" },
            validFrom = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd"), validUntil = DateTime.UtcNow.AddDays(90).ToString("yyyy-MM-dd"),
        }), TestContext.Current.CancellationToken);
        var grant = (await JsonAsync(created)).GetProperty("grantId").GetGuid();

        var refused = await PostFormAsync(admin, "/admin/sharing/grants", $"Revoke&id={grant}", new() { ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("收回授权时必须说明原因", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(admin, "/admin/sharing/grants", $"Revoke&id={grant}", new() { ["Reason"] = "选址已完成" })).StatusCode);
        Assert.Contains("已收回：选址已完成", await admin.GetStringAsync("/admin/sharing/grants?state=Revoked", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task Every_sharing_page_renders_for_a_data_administrator_and_the_admin_home_links_to_them(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var admin = await app.SignInAsync("数据管理员", Policies.DataAdministrator);
        foreach (var path in new[] { "/admin/sharing", "/admin/sharing/resources", $"/admin/sharing/resources?provider={CivilAffairs}&status=Published",
                     "/admin/sharing/resources/new", $"/admin/sharing/resources/{Population}", "/admin/sharing/requests", "/admin/sharing/grants?state=Active" })
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Contains("href=\"/admin/sharing\"", await admin.GetStringAsync("/admin", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/sharing/resources/NOPE-00001", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Contains("/api/sharing/grants/{id}/revoke", await app.CreateClient().GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
