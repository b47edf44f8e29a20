using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Kernel.Data;
using Tongban.Kernel.Security;
using Tongban.Sharing.Features.LookUpGrants;
using static Tongban.Sharing.Tests.Demo;

namespace Tongban.Sharing.Tests;

/// <summary>Register → submit → return → resubmit → publish → withdraw, over HTTP, with roles and audit.</summary>
public sealed class ResourceLifecycleTests(LaneApps apps)
{
    [Theory]
    [DatabaseLanes]
    public async Task A_resource_is_returned_resubmitted_and_published_by_someone_else(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("民政局数据员", Of(CivilAffairs), Policies.DataAdministrator);
        var reviewer = await app.SignInAsync("大数据中心审核员", Policies.DataAdministrator);
        var created = await clerk.PostAsJsonAsync("/api/sharing/resources", Resource("临时救助对象信息"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var code = (await JsonAsync(created)).GetProperty("code").GetString()!;
        Assert.Matches($"^{CivilAffairs}-[0-9]{{5}}$", code);

        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"/api/sharing/resources/{code}/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync($"/api/sharing/resources/{code}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await reviewer.PostAsJsonAsync($"/api/sharing/resources/{code}/return", new { opinion = "" })).StatusCode);
        var returned = await reviewer.PostAsJsonAsync($"/api/sharing/resources/{code}/return", new { opinion = "请补充救助类别信息项" });
        Assert.Equal("Returned", (await JsonAsync(returned)).GetProperty("status").GetString());
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Null(await scope.ServiceProvider.GetRequiredService<ResourceLookup>().FindPublishedAsync(code, TestContext.Current.CancellationToken));

        var edited = await clerk.PutAsJsonAsync($"/api/sharing/resources/{code}", Resource("临时救助对象信息", items:
            [("idNumber", "公民身份号码", "string", "Sensitive"), ("amount", "金额", "decimal", "Internal"), ("reliefType", "救助类别", "string", "Internal")]));
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        await clerk.PostAsync($"/api/sharing/resources/{code}/submit", null);
        var published = await reviewer.PostAsync($"/api/sharing/resources/{code}/approve", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.True((await JsonAsync(published)).GetProperty("published").GetBoolean());

        var lookup = app.Services.GetRequiredService<ResourceLookup>();
        var live = await lookup.FindPublishedAsync(code, TestContext.Current.CancellationToken);
        Assert.Equal(["idNumber", "amount", "reliefType"], live!.Items.Select(i => i.Name));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await reviewer.PostAsJsonAsync($"/api/sharing/resources/{code}/withdraw", new { reason = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/sharing/resources/{code}/withdraw", new { reason = "救助政策调整，资源停用" })).StatusCode);
        Assert.Null(await lookup.FindPublishedAsync(code, TestContext.Current.CancellationToken));

        await app.DrainOutboxAsync();
        await using var audit = app.Services.CreateAsyncScope();
        var actions = await audit.ServiceProvider.GetRequiredService<KernelDbContext>().AuditEntries
            .Where(e => e.Subject == $"resource:{code}").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["sharing.resource_registered", "sharing.resource_submitted", "sharing.resource_returned", "sharing.resource_edited",
            "sharing.resource_submitted", "sharing.resource_published", "sharing.resource_withdrawn"], actions);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_registry_bound_resource_refuses_a_field_the_registry_lacks(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("公安局数据员", Policies.DataAdministrator);
        var response = await clerk.PostAsJsonAsync("/api/sharing/resources", Resource("人口信息（含血型）", PublicSecurity, registry: "Population", items:
            [("idNumber", "公民身份号码", "string", "Sensitive"), ("bloodType", "血型", "string", "Sensitive"), ("birthDate", "出生日期", "string", "Sensitive")]));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("人口库没有信息项bloodType", body, StringComparison.Ordinal);
        Assert.Contains("信息项birthDate在人口库中的类型是date", body, StringComparison.Ordinal);
        Assert.All(await ErrorFieldsAsync(response), f => Assert.Equal("items", f));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Bad_input_is_answered_with_422_naming_each_field(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var clerk = await app.SignInAsync("民政局数据员", Policies.DataAdministrator);
        var unparsable = await clerk.PostAsJsonAsync("/api/sharing/resources", new { name = "x", sharingType = "Sometimes", updateCycle = "Hourly", classification = "Basic", accessMode = "Api", providerCreditCode = CivilAffairs });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unparsable.StatusCode);
        Assert.Equal(["sharing_type", "update_cycle"], await ErrorFieldsAsync(unparsable));

        var incomplete = await clerk.PostAsJsonAsync("/api/sharing/resources", new
        {
            name = "", summary = "", classification = "Departmental", categoryPath = "", providerCreditCode = CivilAffairs, sharingType = "Conditional",
            updateCycle = "Monthly", format = "", accessMode = "Table", items = Array.Empty<object>(),
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);
        Assert.Equal(["name", "summary", "category_path", "format", "sharing_terms", "items"], await ErrorFieldsAsync(incomplete));

        var nulls = await clerk.PostAsync("/api/sharing/resources", new StringContent(
            $"{{\"name\": \"{new string('名', 201)}\", \"items\": [null], \"providerCreditCode\": \"{CivilAffairs}\"}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nulls.StatusCode);
        Assert.Equal(["name", "summary", "category_path", "format", "sharing_terms", "items"], await ErrorFieldsAsync(nulls));

        var sensitive = await clerk.PostAsJsonAsync("/api/sharing/resources", Resource("低保名单（公开）", sharingType: "Unconditional", terms: null));
        Assert.Equal(["sharing_type"], await ErrorFieldsAsync(sensitive));
        var unknownProvider = await clerk.PostAsJsonAsync("/api/sharing/resources", Resource("无主资源", provider: "91110000600037341L"));
        Assert.Equal(["provider_credit_code"], await ErrorFieldsAsync(unknownProvider));
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.PostAsync("/api/sharing/resources/11211200096593487Q-99999/submit", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clerk.PostAsync("/api/sharing/resources", new StringContent("{", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
        var visitor = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.NotEqual(HttpStatusCode.OK, (await visitor.GetAsync("/api/sharing/resources")).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_demo_pack_registers_the_four_registries_as_published_resources(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var lookup = app.Services.GetRequiredService<ResourceLookup>();
        var ct = TestContext.Current.CancellationToken;
        var population = await lookup.FindPublishedAsync(Population, ct);
        Assert.Equal((Registries.Contracts.RegistryKind.Population, Domain.SharingType.Conditional, 12), (population!.Registry, population.SharingType, population.Items.Count));
        Assert.Equal((Registries.Contracts.RegistryKind.LegalEntities, Domain.SharingType.Unconditional), ((await lookup.FindPublishedAsync(LegalEntities, ct))!.Registry, (await lookup.FindPublishedAsync(LegalEntities, ct))!.SharingType));
        Assert.Equal(Registries.Contracts.RegistryKind.Geospatial, (await lookup.FindPublishedAsync(Geospatial, ct))!.Registry);
        Assert.Equal(Domain.SharingType.Conditional, (await lookup.FindPublishedAsync(CreditLists, ct))!.SharingType);

        var admin = await app.SignInAsync("数据管理员", Policies.DataAdministrator);
        var statistics = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/sharing/statistics", ct);
        Assert.True(statistics.GetProperty("published").GetInt32() >= 40);
        Assert.Contains(statistics.GetProperty("byDepartment").EnumerateArray(), d => d.GetProperty("name").GetString() == "铁岭市民政局");
    }
}
