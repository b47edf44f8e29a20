using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Applications.Data;

namespace Tongban.Applications.Tests;

/// <summary>Applying online: drafts, submit, case numbers, idempotency, validation, and privacy of one's cases.</summary>
public sealed partial class ApplyTests(ApplicationsApps apps)
{
    [Theory]
    [DatabaseLanes]
    public async Task A_draft_is_saved_resumed_and_submitted_into_a_case_with_a_readable_number(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var draft = await citizen.Client.StartDraftAsync(TestCatalog.Simple);
        var saved = await (await citizen.Client.PutAsJsonAsync($"/api/applications/drafts/{draft}", new { form = new { purpose = "半填" }, materials = new { } })).JsonAsync();
        Assert.Equal("半填", saved.GetProperty("form").GetProperty("purpose").GetString());

        var resumed = await (await citizen.Client.GetAsync($"/api/applications/drafts/{draft}")).JsonAsync();
        Assert.Equal("半填", resumed.GetProperty("form").GetProperty("purpose").GetString());

        var response = await citizen.Client.SubmitDraftAsync(draft);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var @case = await response.JsonAsync();
        var number = @case.GetProperty("number").GetString()!;
        Assert.Matches(NumberPattern(), number);
        Assert.StartsWith("211221-", number, StringComparison.Ordinal);
        Assert.Equal(("Submitted", 2, "Online"), (@case.GetProperty("status").GetString(), @case.GetProperty("itemVersion").GetInt32(), @case.GetProperty("channel").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, (await citizen.Client.PutAsJsonAsync($"/api/applications/drafts/{draft}", new { form = new { purpose = "改" } })).StatusCode);

        var mine = await citizen.Client.MyCasesAsync();
        Assert.Equal(number, Assert.Single(mine.EnumerateArray()).GetProperty("number").GetString());
    }

    [Theory]
    [DatabaseLanes]
    public async Task Concurrent_submits_of_one_draft_make_one_case_and_every_answer_names_it(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var draft = await citizen.Client.StartDraftAsync(TestCatalog.Simple);

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => citizen.Client.SubmitDraftAsync(draft)));
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("number").GetString()));
        Assert.Single(numbers.Distinct());
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(HttpStatusCode.OK, (await citizen.Client.SubmitDraftAsync(draft)).StatusCode); // a later retry too

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        Assert.Equal(1, await db.Cases.CountAsync(c => c.ApplicantId == citizen.AccountId, TestContext.Current.CancellationToken));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Concurrent_submits_of_different_drafts_get_distinct_consecutive_numbers(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        // Numbers run per division and day: an item of a division of its own, so that no other class's case, taken at
        // the same moment in the shared app, falls between these.
        var item = TestCatalog.Add("AP" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(), $"65{Random.Shared.Next(1000, 9999)}000000", withSteps: false);
        var drafts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => citizen.Client.StartDraftAsync(item)));
        var responses = await Task.WhenAll(drafts.Select(d => citizen.Client.SubmitDraftAsync(d)));
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("number").GetString()!));
        Assert.Equal(8, numbers.Distinct().Count());
        var sequences = numbers.Select(n => int.Parse(n[^5..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(sequences[0], 8), sequences); // no gaps among them: numbers are taken inside the case's transaction
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_bad_form_value_names_the_field_and_only_the_draft_is_saved(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var draft = await citizen.Client.StartDraftAsync(TestCatalog.Simple, withIdCard: false);

        var response = await citizen.Client.SubmitDraftAsync(draft, new { form = new { purpose = "寄", mailing = "yes" } });
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("form.address", problem.GetProperty("errors")[0].GetProperty("field").GetString()); // required once mailing is chosen
        var bad = await citizen.Client.SubmitDraftAsync(draft, new { form = new { purpose = new string('长', 51), mailing = "maybe" } });
        var errors = (await bad.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("code").GetString(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([("form.too_long", "form.purpose"), ("form.yes_no", "form.mailing")], errors); // every field at once
        var noId = await citizen.Client.SubmitDraftAsync(draft, new { form = new { purpose = " 测试 ", mailing = "TRUE", address = "铁岭" } });
        Assert.Equal("case.material_missing", await noId.ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));

        var saved = await (await citizen.Client.GetAsync($"/api/applications/drafts/{draft}")).JsonAsync();
        Assert.Equal("TRUE", saved.GetProperty("form").GetProperty("mailing").GetString()); // the draft keeps what was typed
        Assert.Empty((await citizen.Client.MyCasesAsync()).EnumerateArray()); // nothing beyond it
        (await citizen.Client.UploadAsync(draft, "id-card", Files.Pdf)).EnsureSuccessStatusCode();
        var @case = await (await citizen.Client.SubmitDraftAsync(draft, new { form = new { purpose = " 测试 ", mailing = "TRUE", address = "铁岭" } })).JsonAsync();
        Assert.Equal(("测试", "yes"), (@case.GetProperty("form").GetProperty("purpose").GetString(), @case.GetProperty("form").GetProperty("mailing").GetString())); // the case the cleaned values
    }

    [Theory]
    [DatabaseLanes]
    public async Task Another_persons_case_and_draft_are_not_found(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var (owner, other) = (await app.CitizenAsync(), await app.CitizenAsync("另一人"));
        var draft = await owner.Client.StartDraftAsync(TestCatalog.Simple);
        var number = (await (await owner.Client.SubmitDraftAsync(draft)).JsonAsync()).GetProperty("number").GetString();

        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/applications/my/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/applications/my/cases/211221-20990101-00001")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/applications/drafts/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsJsonAsync($"/api/applications/my/cases/{number}/resubmit", new { form = new { } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/my/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.Client.GetAsync($"/api/applications/my/cases/{number}")).StatusCode);
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_item_above_the_applicants_real_name_level_is_refused_before_the_form_with_the_step_up_path(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync();
        var response = await citizen.Client.PostAsJsonAsync("/api/applications/drafts", new { itemCode = TestCatalog.Level3 });
        Assert.Equal("case.real_name_level", await response.ProblemCodeAsync(HttpStatusCode.Forbidden));
        Assert.Contains("/account/verify", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var page = System.Net.WebUtility.HtmlDecode(await citizen.Client.GetStringAsync($"/apply/{TestCatalog.Level3}"));
        Assert.Contains("本事项需要3级实名认证（L3），您的账号目前为1级（L1）", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Form[", page, StringComparison.Ordinal);
        Assert.Contains("Input.Form[purpose]", await citizen.Client.GetStringAsync($"/apply/{TestCatalog.Simple}"), StringComparison.Ordinal); // a level-1 item: the form
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.Client.PostAsJsonAsync("/api/applications/drafts", new { itemCode = "NO-SUCH-ITEM" })).StatusCode);
    }

    [GeneratedRegex(@"^\d{6}-\d{8}-\d{5}$")]
    private static partial Regex NumberPattern();
}
