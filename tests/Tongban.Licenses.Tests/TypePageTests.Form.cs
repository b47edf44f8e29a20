using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tongban.Licenses.Tests;

/// <summary>
/// Creating a license type and changing its fields, template and case mapping on the admin pages: the same checks as
/// the API, every fault beside its input and nothing drafted; one administrator drafts and submits, another publishes.
/// </summary>
public sealed partial class TypePageTests
{
    private static (string, string)[] NewType(string code, params (string, string)[] more) =>
    [
        ("Input.Code", code), ("Input.Name", "二手车经营备案证明"), ("Input.NameEn", "Used car dealer filing"), ("Input.DefiningDepartment", "商务部"),
        ("Input.Issuers", Samples.Samr), ("Input.Holder", "LegalPerson"), ("Input.Validity", "FixedYears"), ("Input.Years", "3"),
        ("Input.Fields[0].Key", "address"), ("Input.Fields[0].LabelZh", "经营场所"), ("Input.Fields[0].LabelEn", "Premises"), ("Input.Fields[0].Type", "Text"), ("Input.Fields[0].Required", "true"),
        ("Input.Fields[1].Key", "scale"), ("Input.Fields[1].LabelZh", "经营规模"), ("Input.Fields[1].LabelEn", "Scale"), ("Input.Fields[1].Type", "Choice"),
        ("Input.Fields[1].Options", "small=小型|Small\nlarge=大型|Large"),
        .. more,
    ];

    private static readonly (string, string)[] Custom =
    [
        ("Input.Template.Standard", "false"), ("Input.Template.Background", "none"), ("Input.Template.Width", "210"), ("Input.Template.Height", "148"),
        ("Input.Template.TitleSize", "20"),
        ("Input.Template.Placements[0].Key", "holder_name"), ("Input.Template.Placements[0].X", "20"), ("Input.Template.Placements[0].Y", "40"), ("Input.Template.Placements[0].FontSize", "12"),
        ("Input.Template.Placements[1].Key", "address"), ("Input.Template.Placements[1].X", "20"), ("Input.Template.Placements[1].Y", "52.5"), ("Input.Template.Placements[1].FontSize", "13"),
        ("Input.Template.Seal.X", "150"), ("Input.Template.Seal.Y", "90"), ("Input.Template.Seal.Size", "40"),
        ("Input.Template.Qr.X", "20"), ("Input.Template.Qr.Y", "100"), ("Input.Template.Qr.Size", "30"),
        ("Input.Template.Identifier.X", "60"), ("Input.Template.Identifier.Y", "138"), ("Input.Template.Identifier.FontSize", "7"),
        ("Input.Mapping[0].Field", "address"), ("Input.Mapping[0].Source.Kind", "form"), ("Input.Mapping[0].Source.Value", "premises"),
    ];

    [Theory, DatabaseLanes]
    public async Task A_new_type_with_fields_template_and_case_mapping_drafted_on_the_page_is_published_by_another_administrator(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var (author, reviewer) = (await app.LicenseAdminAsync(Samples.Samr, "起草人"), await app.LicenseAdminAsync(Samples.Samr, "审核人"));
        var code = Samples.Samr + "901";

        using var saved = await author.PostFormAsync("/admin/licenses/types/new", "/admin/licenses/types/new?handler=Submit", NewType(code, Custom));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = WebUtility.HtmlDecode(await author.GetStringAsync($"/admin/licenses/types/{code}"));
        Assert.Contains("待审核", page, StringComparison.Ordinal);
        Assert.Contains("经营场所", page, StringComparison.Ordinal); // the new field, in the definition and placed on the preview
        Assert.Contains("52.5", page, StringComparison.Ordinal);
        using var published = await reviewer.PostFormAsync($"/admin/licenses/types/{code}", $"/admin/licenses/types/{code}?handler=Publish", ("Opinion", "同意"));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var type = (await (await app.CreateClient().GetAsync($"/api/licenses/types/{code}")).JsonAsync()).GetProperty("published");
        Assert.Equal(["address", "scale"], type.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("key").GetString()));
        Assert.Equal(2, type.GetProperty("fields")[1].GetProperty("options").GetArrayLength());
        Assert.Equal(210m, type.GetProperty("template").GetProperty("width").GetDecimal());
        Assert.Equal(13m, type.GetProperty("template").GetProperty("fields")[1].GetProperty("fontSize").GetDecimal());
        Assert.Equal("form:premises", type.GetProperty("issue").GetProperty("fields").GetProperty("address").GetString());
        Assert.Contains(await app.AuditOfAsync($"license-type:{code}"), a => a.Action == "licenses.type_drafted");
    }

    [Theory, DatabaseLanes]
    public async Task A_new_type_with_a_bad_code_a_bad_option_line_and_a_template_number_in_words_is_refused_naming_each_and_nothing_is_drafted(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var code = "11211200025881318A902"; // the credit code's check character is wrong

        using var refused = await admin.PostFormAsync("/admin/licenses/types/new", "/admin/licenses/types/new",
            With(With(NewType(code, Custom), "Input.Template.Width", "宽"), "Input.Fields[1].Options", "小型"));

        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("页面宽度应填数字", html, StringComparison.Ordinal);
        Assert.Contains("选项“小型”应写成“值=中文|English”", html, StringComparison.Ordinal);
        Assert.Contains("经营场所", html, StringComparison.Ordinal); // what was typed comes back
        using var codeRefused = await admin.PostFormAsync("/admin/licenses/types/new", "/admin/licenses/types/new", NewType(code));
        Assert.Contains("不是有效的统一社会信用代码", WebUtility.HtmlDecode(await codeRefused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/licenses/types/{code}")).StatusCode);
        Assert.Empty(await app.AuditOfAsync($"license-type:{code}"));
    }

    [Theory, DatabaseLanes]
    public async Task Creating_a_type_whose_code_is_already_in_the_catalog_is_refused_and_the_existing_type_keeps_no_draft(DatabaseLane lane)
    {
        var admin = await (await lanes.For(lane)).LicenseAdminAsync(Samples.Samr);

        using var refused = await admin.PostFormAsync("/admin/licenses/types/new", "/admin/licenses/types/new", NewType(Samples.FoodLicence));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("已在目录中", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var type = await (await admin.GetAsync($"/api/licenses/types/{Samples.FoodLicence}")).JsonAsync();
        Assert.Equal(JsonValueKind.Null, type.GetProperty("open").ValueKind);
    }

    [Theory, DatabaseLanes]
    public async Task A_background_uploaded_with_a_changed_template_is_kept_and_a_pdf_as_background_is_refused(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var code = Samples.Samr + "903";
        using var created = await admin.PostFormAsync("/admin/licenses/types/new", "/admin/licenses/types/new", NewType(code));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var edit = $"/admin/licenses/types/{code}/edit";

        using var pdf = await admin.SendAsync(await UploadAsync(admin, edit, code, "%PDF-1.4\n%%EOF"u8.ToArray()));
        Assert.Contains("背景图须为PNG或JPEG图片", WebUtility.HtmlDecode(await pdf.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        using var png = await admin.SendAsync(await UploadAsync(admin, edit, code, Png));
        Assert.Equal(HttpStatusCode.Redirect, png.StatusCode);

        var template = (await (await admin.GetAsync($"/api/licenses/types/{code}")).JsonAsync()).GetProperty("open").GetProperty("definition").GetProperty("template");
        Assert.Matches("^[0-9a-f]{64}$", template.GetProperty("background").GetString());
        Assert.Contains("使用背景图", WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/licenses/types/{code}")), StringComparison.Ordinal);
    }

    [Theory, DatabaseLanes]
    public async Task Hostile_text_in_the_type_form_is_refused_without_a_server_error_and_drafts_nothing(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var before = await TypesAsync(app);
        foreach (var input in Fuzz.Strings(Samples.Samr + "904", mutations: 12, seed: lane == DatabaseLane.Sqlite ? 5 : 7))
        {
            var form = With(With(With(NewType(input, Custom), "Input.Template.Width", input), "Input.Fields[1].Options", input), "Input.Mapping[0].Source.Value", input);
            using var response = await admin.PostFormAsync("/admin/licenses/types/new", "/admin/licenses/types/new", form);
            await Fuzz.AssertHandledAsync(response, input, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity);
        }
        Assert.Equal(before, await TypesAsync(app));
    }

    private static async Task<int> TypesAsync(TongbanApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Data.LicensesDbContext>().Types.CountAsync();
    }

    private const string FoodItem = "11211200025881318U00012101300001"; // 食品经营许可, 铁岭市市场监督管理局, in the demo catalog

    [Theory, DatabaseLanes]
    public async Task A_producing_item_is_found_by_part_of_its_name_picked_with_a_material_and_the_type_shows_it_by_name(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var code = Samples.Samr + "904";
        var page = "/admin/licenses/types/new";

        using var found = await admin.PostFormAsync(page, $"{page}?handler=FindItems", NewType(code, [.. Custom, ("Input.ItemQuery", "食品经营许")]));

        var html = WebUtility.HtmlDecode(await found.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains("id=\"item-results\"", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.ProducedBy\" value=\"{FoodItem}\"", html, StringComparison.Ordinal); // a checkbox, not ticked yet
        Assert.DoesNotContain($"value=\"{FoodItem}\" checked", html, StringComparison.Ordinal);
        Assert.Contains(">食品经营许可 <span class=\"hint\">— 铁岭市市场监督管理局", html, StringComparison.Ordinal); // by name, with its department
        Assert.Contains("value=\"食品经营许可申请书\"", html, StringComparison.Ordinal); // its materials, to tick as replaced
        Assert.Contains("value=\"二手车经营备案证明\"", html, StringComparison.Ordinal); // every other input comes back
        Assert.Contains("经营场所", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/licenses/types/{code}")).StatusCode); // searching saves nothing

        using var saved = await admin.PostFormAsync(page, page,
            NewType(code, [.. Custom, ("Input.ProducedBy", FoodItem), ("Input.ReplacesPicked", "食品经营许可申请书"), ("Input.Replaces", "二手车交易登记表")]));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var shown = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/licenses/types/{code}"));
        Assert.Contains("<li>食品经营许可</li>", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(FoodItem, shown, StringComparison.Ordinal);
        var open = (await (await admin.GetAsync($"/api/licenses/types/{code}")).JsonAsync()).GetProperty("open").GetProperty("definition");
        Assert.Equal([FoodItem], open.GetProperty("producedBy").EnumerateArray().Select(i => i.GetString()));
        Assert.Equal(["食品经营许可申请书", "二手车交易登记表"], open.GetProperty("replaces").EnumerateArray().Select(i => i.GetString()));
        var edit = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/licenses/types/{code}/edit"));
        Assert.Contains($"name=\"Input.ProducedBy\" value=\"{FoodItem}\" checked", edit, StringComparison.Ordinal);
        Assert.Contains(">食品经营许可 <span class=\"hint\">", edit, StringComparison.Ordinal); // the chosen item by name, its code only beside it
    }

    [Theory, DatabaseLanes]
    public async Task A_producing_item_code_the_catalog_has_not_published_is_refused_beside_the_picker_naming_it_and_nothing_is_drafted(DatabaseLane lane)
    {
        var app = await lanes.For(lane);
        var admin = await app.LicenseAdminAsync(Samples.Samr);
        var code = Samples.Samr + "905";
        var page = "/admin/licenses/types/new";

        using var refused = await admin.PostFormAsync(page, page, NewType(code, [.. Custom, ("Input.ProducedBy", FoodItem), ("Input.ProducedBy", "NOSUCHITEM001")]));

        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Matches("id=\"produced-by-error\">[^<]*事项“NOSUCHITEM001”不存在或未发布", html);
        Assert.Contains("未找到的事项（不存在或未发布）", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.ProducedBy\" value=\"{FoodItem}\" checked", html, StringComparison.Ordinal); // the good pick stays
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/licenses/types/{code}")).StatusCode);
        Assert.Empty(await app.AuditOfAsync($"license-type:{code}"));
    }

    private static (string, string)[] With((string, string)[] form, string key, string value) => [.. form.Where(f => f.Item1 != key), (key, value)];

    /// <summary>A 1×1 PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private static async Task<HttpRequestMessage> UploadAsync(HttpClient admin, string edit, string code, byte[] file)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in With(NewType(code, Custom), "Input.Template.Background", "upload").Where(f => f.Item1 != "Input.Code"))
            form.Add(new StringContent(v), k);
        form.Add(new StringContent(await TongbanApp.AntiforgeryTokenAsync(admin, edit)), "__RequestVerificationToken");
        form.Add(new ByteArrayContent(file), "background", "background.png");
        return new HttpRequestMessage(HttpMethod.Post, edit) { Content = form };
    }
}
