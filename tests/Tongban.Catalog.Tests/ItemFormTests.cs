using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongban.Catalog.Data;
using Tongban.Kernel.Security;

namespace Tongban.Catalog.Tests;

/// <summary>
/// The item form at /admin/catalog/items/new and …/{code}/edit: drafts through the same code as the API,
/// shows bad input on its field and stores nothing, adds rows without JavaScript.
/// </summary>
public sealed partial class ItemFormTests(LaneApps apps)
{
    private const string NewPage = "/admin/catalog/items/new";

    /// <summary>A complete item as a browser posts it, with the empty rows the page offers.</summary>
    private static List<KeyValuePair<string, string>> CompleteForm(string suffix, string name) =>
    [
        new("Input.BasicCode", $"{suffix}0000000"[..12]), new("Input.ImplementationCode", Feeds.PublicSecurity + suffix), new("Input.Name", name),
        new("Input.Type", "行政确认"), new("Input.Level", "市"), new("Input.DivisionCode", "211200000000"), new("Input.Department", Feeds.PublicSecurity),
        new("Input.LegalBasis", "《居住证暂行条例》第九条"), new("Input.Subjects", "person"), new("Input.Themes", "户籍办理、居住证"), new("Input.LifeEvents", ""),
        new("Input.Summary", ""), new("Input.StatutoryLimit", "15"), new("Input.PromisedLimit", "7"),
        new("Input.Fees[0].Name", "工本费"), new("Input.Fees[0].Amount", "20元"), new("Input.Fees[0].Basis", "价费字〔2005〕436号"),
        new("Input.Fees[1].Name", ""), new("Input.Fees[1].Amount", ""), new("Input.Fees[1].Basis", ""),
        new("Input.Materials[0].Name", "居民身份证"), new("Input.Materials[0].Required", "required"), new("Input.Materials[0].Condition", ""),
        new("Input.Materials[0].Form", "original"), new("Input.Materials[0].Copies", "1"), new("Input.Materials[0].Medium", "paper"),
        new("Input.Materials[0].Tolerable", "false"), new("Input.Materials[0].RegistryFact", "population.identity"),
        new("Input.Materials[1].Name", "租房合同"), new("Input.Materials[1].Required", "conditional"), new("Input.Materials[1].Condition", "租住他人住房的"),
        new("Input.Materials[1].Form", "copy"), new("Input.Materials[1].Copies", "2"), new("Input.Materials[1].Medium", "either"),
        new("Input.Materials[1].Tolerable", "true"), new("Input.Materials[1].Tolerable", "false"),
        new("Input.Materials[2].Name", ""), new("Input.Materials[2].Required", "required"), new("Input.Materials[2].Copies", ""), new("Input.Materials[2].Tolerable", "false"),
        new("Input.Trips", "1"), new("Input.OnlineDepth", "3"), new("Input.RealNameLevel", "2"), new("Input.CrossRegion", "全市通办"),
        new("Input.Places[0].Place", "hall:city-centre"), new("Input.Places[0].Windows", "C05，C06"), new("Input.Places[0].Hours", "法定工作日 8:30-17:00"),
        new("Input.Places[1].Place", ""), new("Input.Places[1].Windows", ""), new("Input.Places[1].Hours", ""),
        new("Input.Steps[0].Text", "申请"), new("Input.Steps[1].Text", "受理"), new("Input.Steps[2].Text", ""), new("Input.Steps[3].Text", "发证"),
        new("Input.ConsultationPhone", "024-72000000"), new("Input.ComplaintPhone", "12345"),
    ];

    private static List<KeyValuePair<string, string>> Without(List<KeyValuePair<string, string>> form, params string[] names) =>
        [.. form.Where(f => !names.Contains(f.Key)), .. names.Select(n => new KeyValuePair<string, string>(n, ""))];

    private static List<KeyValuePair<string, string>> With(List<KeyValuePair<string, string>> form, string name, string value) =>
        [.. form.Where(f => f.Key != name), new(name, value)];

    /// <summary>Gets <paramref name="page"/> first for its antiforgery token, as a browser would, then posts the form.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string? handler, List<KeyValuePair<string, string>> form)
    {
        var token = await TongbanApp.AntiforgeryTokenAsync(client, page);
        return await client.PostAsync(handler is null ? page : $"{page}?handler={handler}", new FormUrlEncodedContent([.. form, new("__RequestVerificationToken", token)]));
    }

    /// <summary>The lane's app, a catalog administrator, and this test's own implementation code (the tests share a database).</summary>
    private async Task<(TongbanApp App, HttpClient Admin, string Suffix, string Code)> StartAsync(DatabaseLane lane, int test)
    {
        var app = await apps.For(lane);
        var suffix = $"FRM{(int)lane}{test}";
        return (app, await app.SignInAsync("事项管理员", Policies.CatalogAdministrator), suffix, Feeds.PublicSecurity + suffix);
    }

    private static async Task AssertNothingStoredAsync(HttpClient admin, string code) =>
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/catalog/items/{code}/history")).StatusCode);

    private static async Task<JsonElement> HistoryAsync(HttpClient admin, string code) => await admin.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{code}/history");

    private static void AssertFieldError(string html, string field, string message) =>
        Assert.Matches($"<span class=\"field-error\" id=\"[^\"]+\" data-valmsg-for=\"{Regex.Escape(field)}\">[^<]*{Regex.Escape(message)}", html);

    [Theory]
    [DatabaseLanes]
    public async Task The_new_item_form_drafts_an_item_with_its_rows_and_submitting_names_what_is_missing_on_the_fields(DatabaseLane lane)
    {
        var (app, admin, suffix, code) = await StartAsync(lane, 1);
        Assert.Contains("href=\"/admin/catalog/items/new\"", await admin.GetStringAsync("/admin/catalog"), StringComparison.Ordinal);

        var incomplete = Without(CompleteForm(suffix, "居住证签注（表单）"), "Input.Name", "Input.LegalBasis", "Input.Steps[0].Text", "Input.Steps[1].Text", "Input.Steps[3].Text");
        var refused = await PostAsync(admin, NewPage, "Submit", incomplete);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        AssertFieldError(html, "Input.Name", "缺少要素：事项名称"); // the item's name, not a row's
        AssertFieldError(html, "Input.LegalBasis", "缺少要素：设定依据");
        AssertFieldError(html, "Input.Steps", "缺少要素：办理流程");
        Assert.Contains("草稿已保存为第1版", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/admin/catalog/items/{code}/edit\"", html, StringComparison.Ordinal); // the next save changes this draft
        var history = await HistoryAsync(admin, code);
        Assert.Equal("Draft", Assert.Single(history.GetProperty("versions").EnumerateArray()).GetProperty("state").GetString());

        var submitted = await PostAsync(admin, $"/admin/catalog/items/{code}/edit", "Submit", CompleteForm(suffix, "居住证签注（表单）"));
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal($"/admin/catalog/items/{code}", submitted.Headers.Location!.OriginalString);
        history = await HistoryAsync(admin, code);
        Assert.Equal("Submitted", Assert.Single(history.GetProperty("versions").EnumerateArray()).GetProperty("state").GetString());

        await using var scope = app.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Items.AsNoTracking().Include(i => i.Versions)
            .SingleAsync(i => i.ImplementationCode == code, TestContext.Current.CancellationToken);
        var elements = Assert.Single(item.Versions).Elements;
        Assert.Equal(["居民身份证", "租房合同"], elements.Materials.Select(m => m.Name));
        Assert.Equal(("population.identity", Domain.Medium.Paper), (elements.Materials[0].RegistryFact, elements.Materials[0].Medium));
        Assert.Equal((Domain.Requirement.Conditional, "租住他人住房的", Domain.MaterialForm.Copy, 2, true),
            (elements.Materials[1].Requirement, elements.Materials[1].Condition, elements.Materials[1].Form, elements.Materials[1].Copies, elements.Materials[1].Tolerable));
        Assert.Equal(new Domain.Fee("工本费", "20元", "价费字〔2005〕436号"), Assert.Single(elements.Fees));
        var place = Assert.Single(elements.Places);
        Assert.Equal(("city-centre", "C05,C06"), (place.Hall, string.Join(",", place.Windows)));
        Assert.Equal(["申请", "受理", "发证"], elements.Steps);
        Assert.Equal(["户籍办理", "居住证"], elements.Themes);
        Assert.Equal((15, 7, "全市通办"), (elements.StatutoryLimit, elements.PromisedLimit, elements.CrossRegion));
    }

    [Theory]
    [DatabaseLanes]
    public async Task Changing_a_published_item_in_the_form_makes_a_new_draft_and_the_guide_keeps_the_published_version(DatabaseLane lane)
    {
        var (app, admin, suffix, code) = await StartAsync(lane, 2);
        await Feeds.PublishAsync(admin, await app.SignInAsync("司法局审查员", Policies.LegalityReviewer), Feeds.Item($"{suffix}0000000", Feeds.PublicSecurity, suffix, "居住证申领（表单）"));
        Assert.Contains($"href=\"/admin/catalog/items/{code}/edit\"", await admin.GetStringAsync($"/admin/catalog/items/{code}"), StringComparison.Ordinal);

        var page = $"/admin/catalog/items/{code}/edit";
        var form = FormOf(await admin.GetStringAsync(page)); // what the page shows, prefilled from the published version
        Assert.Contains(form, f => f is { Key: "Input.Materials[1].Name", Value: "近期免冠照片" });
        Assert.Contains(form, f => f is { Key: "Input.Places[0].Place", Value: "hall:city-centre" });
        Assert.DoesNotContain(form, f => f.Key == "Input.ImplementationCode"); // fixed when editing
        var response = await PostAsync(admin, page, null, With(form, "Input.PromisedLimit", "10"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var versions = (await HistoryAsync(admin, code)).GetProperty("versions");
        Assert.Equal(["Approved", "Draft"], versions.EnumerateArray().Select(v => v.GetProperty("state").GetString()));
        var diff = await admin.GetFromJsonAsync<JsonElement>($"/api/catalog/items/{code}/diff?from=1&to=2");
        var change = Assert.Single(diff.EnumerateArray()); // the form carried every other element over unchanged
        Assert.Equal(("promisedLimit", "20", "10"), (change.GetProperty("field").GetString(), change.GetProperty("before").GetString(), change.GetProperty("after").GetString()));
        var guide = await app.CreateClient().GetFromJsonAsync<JsonElement>($"/api/catalog/items/{code}");
        Assert.Equal(20, guide.GetProperty("elements").GetProperty("promisedLimit").GetInt32());

        Assert.Contains("value=\"10\"", await admin.GetStringAsync(page), StringComparison.Ordinal); // editing again starts from the draft
    }

    [Theory]
    [DatabaseLanes]
    public async Task A_bad_value_is_shown_on_its_field_with_what_was_typed_and_nothing_is_written(DatabaseLane lane)
    {
        var (_, admin, suffix, code) = await StartAsync(lane, 3);

        var letters = await PostAsync(admin, NewPage, null, With(With(CompleteForm(suffix, "坏数字"), "Input.PromisedLimit", "七天"), "Input.Materials[1].Copies", "两份"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, letters.StatusCode);
        var html = await letters.Content.ReadAsStringAsync();
        AssertFieldError(html, "Input.PromisedLimit", "承诺办结时限应填整数，而不是“七天”");
        AssertFieldError(html, "Input.Materials", "第2项材料的份数应填整数，而不是“两份”");
        Assert.Contains("value=\"七天\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"坏数字\"", html, StringComparison.Ordinal);

        var unknown = await PostAsync(admin, NewPage, null, With(CompleteForm(suffix, "未登记的部门"), "Input.Department", "91110000600037341L"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        html = await unknown.Content.ReadAsStringAsync();
        AssertFieldError(html, "Input.Department", "实施主体91110000600037341L不是已登记的部门");
        Assert.Contains("<option value=\"91110000600037341L\" selected>", html, StringComparison.Ordinal);

        var promisedOverStatutory = await PostAsync(admin, NewPage, null, With(CompleteForm(suffix, "超时"), "Input.PromisedLimit", "30"));
        AssertFieldError(await promisedOverStatutory.Content.ReadAsStringAsync(), "Input.PromisedLimit", "承诺时限（30个工作日）不能超过法定时限（15个工作日）");

        await AssertNothingStoredAsync(admin, code);

        var existing = await PostAsync(admin, NewPage, null, CompleteForm("00070500100001", "已有编码")); // the new-item form does not overwrite an item
        Assert.Equal(HttpStatusCode.Conflict, existing.StatusCode);
        AssertFieldError(await existing.Content.ReadAsStringAsync(), "Input.ImplementationCode", $"实施编码{Feeds.PublicSecurity}00070500100001已存在");
    }

    [Theory]
    [DatabaseLanes]
    public async Task More_rows_come_back_with_what_was_typed_and_nothing_is_saved(DatabaseLane lane)
    {
        var (_, admin, _, code) = await StartAsync(lane, 4);
        var blank = await admin.GetStringAsync(NewPage);
        Assert.Equal(2, RowCount(blank, "Materials"));

        var response = await PostAsync(admin, NewPage, "AddRows&group=materials", [
            new("Input.ImplementationCode", code), new("Input.Name", "多行材料"),
            new("Input.Materials[0].Name", "申请表"), new("Input.Materials[1].Name", "身份证明"),
            new("Input.Fees[0].Name", ""), new("Input.Places[0].Place", ""), new("Input.Steps[0].Text", ""),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(4, RowCount(html, "Materials"));
        Assert.Equal(1, RowCount(html, "Fees"));
        Assert.Contains("value=\"身份证明\"", html, StringComparison.Ordinal);
        Assert.Contains("<legend>材料 4</legend>", html, StringComparison.Ordinal);
        await AssertNothingStoredAsync(admin, code);
    }

    [Theory]
    [DatabaseLanes]
    public async Task The_form_needs_its_antiforgery_token_and_the_catalog_administrator(DatabaseLane lane)
    {
        var (app, admin, suffix, code) = await StartAsync(lane, 5);

        var forged = await admin.PostAsync(NewPage, new FormUrlEncodedContent(CompleteForm(suffix, "无令牌")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        await AssertNothingStoredAsync(admin, code);

        var reviewer = await app.SignInAsync("司法局审查员", Policies.LegalityReviewer);
        var denied = await reviewer.GetAsync(NewPage);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/status/403", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/catalog/items/NO-SUCH-ITEM/edit")).StatusCode);
    }

    private static int RowCount(string html, string group) =>
        Regex.Matches(html, $"name=\"Input\\.{group}\\[(\\d+)\\]\\.Name\"").Select(m => m.Groups[1].Value).Distinct().Count();

    /// <summary>The item form's fields as a browser would post them: inputs (checked boxes only), text areas, selected options.</summary>
    private static List<KeyValuePair<string, string>> FormOf(string html)
    {
        var form = FormPattern().Match(html).Value;
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match tag in InputPattern().Matches(form))
        {
            var a = Attributes(tag.Value);
            if (!a.TryGetValue("name", out var name) || name == "__RequestVerificationToken") continue;
            if (a.GetValueOrDefault("type") == "checkbox" && !a.ContainsKey("checked")) continue;
            fields.Add(new(name, a.GetValueOrDefault("value") ?? ""));
        }
        foreach (Match area in TextAreaPattern().Matches(form))
            fields.Add(new(Attributes(area.Groups[1].Value)["name"], WebUtility.HtmlDecode(area.Groups[2].Value)));
        foreach (Match select in SelectPattern().Matches(form))
        {
            var selected = OptionPattern().Matches(select.Groups[2].Value).Select(o => Attributes(o.Value)).FirstOrDefault(o => o.ContainsKey("selected"));
            fields.Add(new(Attributes(select.Groups[1].Value)["name"], selected?.GetValueOrDefault("value") ?? ""));
        }
        return fields;
    }

    private static Dictionary<string, string> Attributes(string tag) =>
        AttributePattern().Matches(tag).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[3].Value));

    [GeneratedRegex("<form method=\"post\" action=\"/admin/catalog/items/.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<textarea([^>]*)>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextAreaPattern();

    [GeneratedRegex("<select([^>]*)>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option[^>]*>")]
    private static partial Regex OptionPattern();

    [GeneratedRegex("([\\w-]+)(=\"([^\"]*)\")?")]
    private static partial Regex AttributePattern();
}
