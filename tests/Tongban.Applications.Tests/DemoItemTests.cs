using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Registries.Contracts;

namespace Tongban.Applications.Tests;

/// <summary>The materials and form steps against the real catalog and registries of the demo region (no test doubles).</summary>
public sealed class DemoItemTests(LaneApps apps) : IClassFixture<LaneApps>
{
    private const string Migration = "11211200061012195B00070500700101"; // 户口迁移（迁入）: household_book from population.household
    private const string DemoCitizen = "211221196805129013"; // 张建国, with a household record; used by one test only

    [Theory]
    [DatabaseLanes]
    public async Task The_household_record_is_previewed_then_attached_only_with_consent_and_the_read_is_logged_with_its_purpose(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var client = app.Browser();
        using (var signIn = await client.PostFormAsync("/account/sign-in", "/account/sign-in?handler=Password", ("Login", DemoCitizen), ("Password", "Tongban-Demo-2026")))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var draft = await client.StartDraftAsync(Migration, withIdCard: false);
        var fact = $"/api/applications/drafts/{draft}/materials/household_book/fact";

        var preview = await (await client.GetAsync(fact)).JsonAsync();
        Assert.NotEmpty(preview.GetProperty("fields").EnumerateArray());
        Assert.Equal("material.consent_required", await (await client.PostAsJsonAsync(fact, new { agree = false })).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Empty((await (await client.GetAsync($"/api/applications/drafts/{draft}")).JsonAsync()).GetProperty("materials").EnumerateArray());

        var attached = await (await client.PostAsJsonAsync(fact, new { agree = true })).JsonAsync();
        Assert.Equal(("RegistryFact", "population.household"), (attached.GetProperty("source").GetString(), attached.GetProperty("reference").GetString()));
        Assert.Equal(preview.GetProperty("fields").GetRawText(), attached.GetProperty("fact").GetProperty("fields").GetRawText());
        Assert.Equal("material.no_registry_fact", await (await client.GetAsync($"/api/applications/drafts/{draft}/materials/application_form/fact")).ProblemCodeAsync(HttpStatusCode.Conflict));

        await using var scope = app.Services.CreateAsyncScope();
        var reads = await scope.ServiceProvider.GetRequiredService<IRegistryRecords>().ReadsOfAsync(DemoCitizen, 50, TestContext.Current.CancellationToken);
        Assert.Equal(2, reads.Count(r => r.Purpose == "申办户口迁移（迁入）：居民户口簿" && r.Resource == "population.household" && r.Caller == "module:applications"));
        Assert.Contains("申办户口迁移（迁入）：居民户口簿", WebUtility.HtmlDecode(await client.GetStringAsync("/account/my-data-reads")), StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_real_form_names_every_bad_field_and_no_case_is_made(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var draft = await citizen.Client.StartDraftAsync(Migration, withIdCard: false);

        using var response = await citizen.Client.SubmitDraftAsync(draft, new
        {
            form = new { reason = "spouse", spouse_id_number = "211221196805129010", from_division = "21", from_address = "开原市", to_address = "银州区", people = "11", mobile = "123" },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fields = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("field").GetString()).ToHashSet();
        Assert.Equal(["form.spouse_name", "form.spouse_id_number", "form.from_division", "form.people", "form.mobile"], fields);
        Assert.Empty((await (await citizen.Client.GetAsync("/api/applications/my/cases")).JsonAsync()).EnumerateArray());
    }
}
