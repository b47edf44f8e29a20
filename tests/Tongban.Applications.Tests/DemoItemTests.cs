using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Tongban.Applications.Contracts;
using Tongban.Applications.Data;
using Tongban.Registries.Contracts;

namespace Tongban.Applications.Tests;

/// <summary>The materials and form steps against the real catalog and registries of the demo region (no test doubles).</summary>
public sealed class DemoItemTests(LaneApps apps)
{
    private const string Migration = "11211200061012195B00070500700101"; // 户口迁移（迁入）: needs L3
    private const string ResidencePermit = "11211200061012195B00070501100001"; // 居住证申领 (L2): id_card from population.identity
    private const string FoodLicence = "11211200025881318U00012101300001"; // 食品经营许可 (L2): business_licence from legal-entity.registration
    private const string Referral = "11211200096365409Q00202200600001"; // 异地就医备案 (L2): medical_insurance_record from the medical insurance's own system
    private const string DemoCitizen = "211221196805129013"; // 张建国 (L2), with a registry record; represents the enterprise below
    private const string DemoEnterprise = "91211221TB000001X2"; // 铁岭县通办示范商贸有限公司

    private static async Task<HttpClient> DemoCitizenAsync(TongbanApp app)
    {
        var client = app.Browser();
        using var signIn = await client.PostFormAsync("/account/sign-in", "/account/sign-in?handler=Password", ("Login", DemoCitizen), ("Password", "Tongban-Demo-2026"));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private static async Task<int> ReadsAsync(TongbanApp app, string subject, string purpose)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reads = await scope.ServiceProvider.GetRequiredService<IRegistryRecords>().ReadsOfAsync(subject, 200, TestContext.Current.CancellationToken);
        return reads.Count(r => r.Purpose == purpose && r.Caller == "module:applications");
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_registry_record_is_read_once_when_asked_and_attached_on_agreement_without_a_second_read(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var client = await DemoCitizenAsync(app);
        const string purpose = "申办居住证申领：居民身份证";
        var draft = await client.StartDraftAsync(ResidencePermit, withIdCard: false);
        var fact = $"/api/applications/drafts/{draft}/materials/id_card/fact";
        var before = await ReadsAsync(app, DemoCitizen, purpose); // starting the draft read nothing; other tests here may have read before
        Assert.Empty((await (await client.GetAsync($"/api/applications/drafts/{draft}")).JsonAsync()).GetProperty("materials").EnumerateArray());

        var preview = await (await client.PostAsync($"{fact}/preview", null)).JsonAsync();
        Assert.NotEmpty(preview.GetProperty("fields").EnumerateArray());
        Assert.Equal(before + 1, await ReadsAsync(app, DemoCitizen, purpose));

        // Nothing ticked: refused with the message, nothing attached, and the preview still on the page.
        Assert.Equal("material.consent_required", await (await client.PostAsJsonAsync(fact, new { agree = false })).ProblemCodeAsync(HttpStatusCode.UnprocessableEntity));
        Assert.Empty((await (await client.GetAsync($"/api/applications/drafts/{draft}")).JsonAsync()).GetProperty("materials").EnumerateArray());
        Assert.Contains("id=\"preview-id_card\"", await client.GetStringAsync($"/apply/{ResidencePermit}?draft={draft}"), StringComparison.Ordinal);

        var attached = await (await client.PostAsJsonAsync(fact, new { agree = true })).JsonAsync();
        Assert.Equal(("RegistryFact", "population.identity"), (attached.GetProperty("source").GetString(), attached.GetProperty("reference").GetString()));
        Assert.Equal(preview.GetProperty("fields").GetRawText(), attached.GetProperty("fact").GetProperty("fields").GetRawText()); // the value shown
        Assert.Equal(before + 1, await ReadsAsync(app, DemoCitizen, purpose)); // agreeing did not read again
        Assert.DoesNotContain("id=\"preview-id_card\"", await client.GetStringAsync($"/apply/{ResidencePermit}?draft={draft}"), StringComparison.Ordinal);
        Assert.Equal("material.no_registry_fact", await (await client.PostAsync($"/api/applications/drafts/{draft}/materials/photo/fact/preview", null)).ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Contains(purpose, WebUtility.HtmlDecode(await client.GetStringAsync("/account/my-data-reads")), StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_department_record_without_a_connected_node_is_refused_at_the_material_and_nothing_is_attached_or_logged(DatabaseLane lane)
    {
        // The test platform has no node of its own (Nodes:Platform), as a fresh installation: the material says so, in both
        // languages, and the applicant uploads instead. Through running nodes: Tongban.Nodes.Tests' DepartmentFactTests.
        var app = await apps.For(lane);
        var client = await DemoCitizenAsync(app);
        const string purpose = "申办异地就医备案：基本医疗保险参保缴费证明";
        var draft = await client.StartDraftAsync(Referral, withIdCard: false);
        var before = await ReadsAsync(app, DemoCitizen, purpose);

        using var refused = await client.PostAsync($"/api/applications/drafts/{draft}/materials/medical_insurance_record/fact/preview", null);
        var problem = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("registry.department_unavailable", problem.GetProperty("code").GetString());
        var error = problem.GetProperty("errors")[0];
        Assert.Equal("facts.medical_insurance_record", error.GetProperty("field").GetString());
        Assert.Contains("基本医疗保险参保缴费证明", error.GetProperty("zh").GetString(), StringComparison.Ordinal);
        Assert.Contains("upload", error.GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.Empty((await (await client.GetAsync($"/api/applications/drafts/{draft}")).JsonAsync()).GetProperty("materials").EnumerateArray());
        Assert.Equal(before, await ReadsAsync(app, DemoCitizen, purpose)); // nothing was read
        await using var scope = app.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>().FactPreviews.AnyAsync(p => p.Holder == $"draft:{draft}", TestContext.Current.CancellationToken));
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_submitted_notice_counts_the_materials_and_those_fetched_instead_of_brought(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var client = await DemoCitizenAsync(app);
        var draft = await client.StartDraftAsync(ResidencePermit, withIdCard: false);
        (await client.UploadAsync(draft, "residence_proof", Files.Pdf)).EnsureSuccessStatusCode();
        (await client.UploadAsync(draft, "photo", Files.Pdf)).EnsureSuccessStatusCode();
        var idCard = $"/api/applications/drafts/{draft}/materials/id_card/fact";
        (await client.PostAsync($"{idCard}/preview", null)).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync(idCard, new { agree = true })).EnsureSuccessStatusCode();

        var number = (await (await client.SubmitDraftAsync(draft, new
        {
            form = new { reason = "residence", address = "银州区广裕街1号", division = "211202000000", resident_since = "2025-01-01", renting = "no", mobile = "13800000001" },
        })).JsonAsync()).GetProperty("number").GetString();

        await using var scope = app.Services.CreateAsyncScope();
        var payloads = await scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Type == CaseChangedForApplicant.MessageType).Select(m => m.Payload).ToListAsync(TestContext.Current.CancellationToken);
        var submitted = payloads.Select(p => System.Text.Json.JsonSerializer.Deserialize<CaseChangedForApplicant>(p, System.Text.Json.JsonSerializerOptions.Web)!)
            .Single(n => n.CaseNumber == number && n.Kind == ApplicantNoticeKinds.Submitted);
        Assert.Equal((3, 1), (submitted.MaterialsProvided, submitted.MaterialsReused)); // two uploads and the identity record (免提交)
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_refused_preview_attaches_nothing_and_is_not_kept(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var client = await DemoCitizenAsync(app);
        var draft = await client.StartDraftAsync(ResidencePermit, withIdCard: false);
        var fact = $"/api/applications/drafts/{draft}/materials/id_card/fact";
        (await client.PostAsync($"{fact}/preview", null)).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(fact)).StatusCode);
        Assert.Empty((await (await client.GetAsync($"/api/applications/drafts/{draft}")).JsonAsync()).GetProperty("materials").EnumerateArray());
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationsDbContext>();
        Assert.False(await db.FactPreviews.AnyAsync(p => p.Holder == $"draft:{draft}", TestContext.Current.CancellationToken)); // the value read is gone too
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_business_licence_is_read_by_the_enterprises_credit_code_never_by_the_persons_id_number(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var client = await DemoCitizenAsync(app);
        const string purpose = "申办食品经营许可：营业执照";
        var draft = await client.StartDraftAsync(FoodLicence, withIdCard: false);
        var (enterpriseBefore, personBefore) = (await ReadsAsync(app, DemoEnterprise, purpose), await ReadsAsync(app, DemoCitizen, purpose));

        var preview = await (await client.PostAsync($"/api/applications/drafts/{draft}/materials/business_licence/fact/preview", null)).JsonAsync();
        Assert.Contains(preview.GetProperty("fields").EnumerateArray(), f => f.GetProperty("value").GetString() == "铁岭县通办示范商贸有限公司");
        Assert.Equal(enterpriseBefore + 1, await ReadsAsync(app, DemoEnterprise, purpose));
        Assert.Equal(personBefore, await ReadsAsync(app, DemoCitizen, purpose));

        // Someone at L2 who represents no enterprise is told so; their own ID number is not tried.
        var (idNumber, _, other) = await app.RegisterCitizenAsync("刘淑珍", "21122119700823902X");
        (await other.PostFormAsync("/account/verify", "/account/verify?handler=Verify")).EnsureSuccessStatusCode();
        var theirs = await other.StartDraftAsync(FoodLicence, withIdCard: false);
        Assert.Equal("material.no_enterprise", await (await other.PostAsync($"/api/applications/drafts/{theirs}/materials/business_licence/fact/preview", null))
            .ProblemCodeAsync(HttpStatusCode.Conflict));
        Assert.Equal(0, await ReadsAsync(app, idNumber, purpose));
    }

    [Theory]
    [DatabaseLanes]
    public async Task An_item_above_the_persons_level_shows_the_way_to_raise_it_instead_of_the_form(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var client = await DemoCitizenAsync(app); // L2; 户口迁移 needs L3
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/apply/{Migration}"));
        Assert.Contains("id=\"apply-gate\"", page, StringComparison.Ordinal);
        Assert.Contains("本事项需要3级实名认证（L3），您的账号目前为2级（L2）", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Form[", page, StringComparison.Ordinal); // no form to fill in
        Assert.Equal("case.real_name_level", await (await client.PostAsJsonAsync("/api/applications/drafts", new { itemCode = Migration })).ProblemCodeAsync(HttpStatusCode.Forbidden));

        var newcomer = (await app.RegisterCitizenAsync("新用户")).Client; // L1; 居住证 needs L2, raised online
        var gate = WebUtility.HtmlDecode(await newcomer.GetStringAsync($"/apply/{ResidencePermit}"));
        Assert.Contains($"href=\"/account/verify?ReturnUrl=%2Fapply%2F{ResidencePermit}\"", gate, StringComparison.Ordinal);
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_real_form_names_every_bad_field_and_no_case_is_made(DatabaseLane lane)
    {
        var app = await apps.For(lane);
        var citizen = await app.CitizenAsync("迁入测试");
        await app.VerifiedInPersonAsync(citizen.IdNumber, "迁入测试"); // 户口迁移 needs L3: checked before the form
        var draft = await citizen.Client.StartDraftAsync(Migration, withIdCard: false);

        using var response = await citizen.Client.SubmitDraftAsync(draft, new
        {
            form = new { reason = "spouse", spouse_id_number = "211221196805129010", from_division = "21", from_address = "开原市", to_address = "银州区", people = "11", mobile = "123" },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fields = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(TestContext.Current.CancellationToken)).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("field").GetString()).ToHashSet();
        Assert.Equal(["form.spouse_name", "form.spouse_id_number", "form.from_division", "form.people", "form.mobile"], fields);
        Assert.Empty((await citizen.Client.MyCasesAsync()).EnumerateArray());
    }
}
